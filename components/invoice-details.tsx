import { useTranslations } from "next-intl";
import { invoiceStatus, requestedInvoice } from "@/lib/invoices";

/**
 * The invoice (fapiao) a buyer asked for: type, title, credit code and, for a special invoice, the
 * tax registration details, with its status ("requested" until an operator issues it). At review,
 * before the order exists, `atReview` says what will happen instead of a status.
 * Works in server and client components alike.
 */
export function InvoiceDetails({ invoice: stored, atReview = false, testId }: { invoice: unknown; atReview?: boolean; testId?: string }) {
  const t = useTranslations("Invoice");
  const invoice = requestedInvoice(stored);
  if (!invoice) return <p data-testid={testId}>{t("none")}</p>;
  const status = invoiceStatus(invoice);
  const rows: [string, string | undefined][] = [
    [t("invoiceTitle"), invoice.title],
    [t("uscc"), invoice.uscc],
    ...(invoice.type === "special"
      ? ([
          [t("bankName"), invoice.bankName],
          [t("bankAccount"), invoice.bankAccount],
          [t("registeredAddress"), invoice.registeredAddress],
          [t("registeredPhone"), invoice.registeredPhone],
        ] as [string, string][])
      : []),
  ];
  return (
    <div data-testid={testId} className="space-y-1">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{t(`types.${invoice.type}`)}</span>
        {atReview ? (
          <span className="text-xs text-slate-600">{t("atReview")}</span>
        ) : (
          <span
            data-testid="invoice-status"
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${status === "issued" ? "bg-emerald-100 text-emerald-900" : "bg-sky-100 text-sky-900"}`}
          >
            {t("status")}: {t(`statuses.${status}`)}
          </span>
        )}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-sm">
        {rows
          .filter((r): r is [string, string] => !!r[1])
          .map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className="break-all tabular-nums">{value}</dd>
            </div>
          ))}
      </dl>
      {invoice.invoiceNumber && <p className="text-sm">{t("issuedNumber", { number: invoice.invoiceNumber })}</p>}
    </div>
  );
}
