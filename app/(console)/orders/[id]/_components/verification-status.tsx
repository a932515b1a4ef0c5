import { getFormatter, getTranslations } from "next-intl/server";
import type { getVerificationForOrder } from "@/lib/db/queries/verifications";
import { isOneOf } from "@/lib/i18n/keys";
import { INSTITUTION_TYPES } from "@/lib/validations/organisation-choices";

type Verification = NonNullable<Awaited<ReturnType<typeof getVerificationForOrder>>>;

const TONE = {
  pending: "border-amber-200 bg-amber-50 text-amber-900",
  approved: "border-green-200 bg-green-50 text-green-900",
  rejected: "border-red-200 bg-red-50 text-red-900",
} as const;

/** Where an education order's institution verification stands; a rejection shows the operator's reason. */
export async function VerificationStatus({
  verification,
  orderStatus,
}: {
  verification: Verification | undefined;
  /** The order's status: "this order can be paid" is said only while it awaits payment. */
  orderStatus?: string;
}) {
  const [t, tTypes, format] = [
    await getTranslations("Verification.order"),
    await getTranslations("Checkout.institutionTypes"),
    await getFormatter(),
  ];
  if (!verification) {
    return <p className={`rounded-md border px-4 py-3 ${TONE.pending}`}>{t("missing")}</p>;
  }
  const { status } = verification;
  return (
    <section
      aria-labelledby="order-verification"
      className={`space-y-2 rounded-xl border p-5 text-sm ${TONE[status]}`}
      data-testid="verification-status"
    >
      <h2 id="order-verification" className="text-lg font-semibold">
        {t(`title.${status}`)}
      </h2>
      {(status !== "approved" || orderStatus === undefined || orderStatus === "pending_payment") && <p>{t(`body.${status}`)}</p>}
      {status === "rejected" && verification.reason && (
        <p>
          <span className="font-medium">{t("reason")}</span> <span className="whitespace-pre-line">{verification.reason}</span>
        </p>
      )}
      {verification.decidedAt && (
        <p>{t("decidedAt", { time: format.dateTime(verification.decidedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
      )}
      <p className="text-slate-700">
        {verification.institutionName} ·{" "}
        {isOneOf(INSTITUTION_TYPES, verification.institutionType) ? tTypes(verification.institutionType) : verification.institutionType} ·{" "}
        <a href={`/api/uploads/education-proof/${verification.proofUploadId}`} download className="underline">
          {t("proof", { name: verification.proofFileName })}
        </a>
      </p>
    </section>
  );
}
