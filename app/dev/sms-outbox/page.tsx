import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/lib/db/client";
import { listOutbox } from "@/lib/db/queries/sms-outbox";
import { sandboxSmsEnabled } from "@/lib/sms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SmsOutbox");
  return { title: t("metaTitle") };
}

/**
 * The sandbox SMS provider's outbox: what it "sent", newest first. A developer page: 404 unless the sandbox
 * is served (QUORUM_SANDBOX_PAYMENTS, off by default on a public deployment), like the sandbox gateway.
 */
export default async function SmsOutboxPage() {
  if (!sandboxSmsEnabled()) notFound();
  const [t, format, db] = [await getTranslations("SmsOutbox"), await getFormatter(), await getDb()];
  const messages = await listOutbox(db, { limit: 50 });
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-slate-600">{t("intro")}</p>
      </div>
      {messages.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="py-2">
                {t("to")}
              </th>
              <th scope="col">{t("text")}</th>
              <th scope="col">{t("time")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {messages.map((m) => (
              <tr key={m.id}>
                <td className="py-2 tabular-nums">{m.to}</td>
                <td>{m.text}</td>
                <td className="whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
