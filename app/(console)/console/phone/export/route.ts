import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { ledgerRangePage, ownedOrganisation } from "@/lib/db/queries/phone";
import { negotiateLocale } from "@/lib/i18n/locale";
import { messagesFor } from "@/lib/i18n/messages";
import { ledgerCsvRow, chinaDayStart } from "@/lib/phone/csv";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The ledger of one organisation for a date range (China days, `to` inclusive) as CSV, streamed
 * page by page (keyset, 1,000 lines a query) so any range costs constant memory; UTF-8 with a
 * byte-order mark so Excel shows Chinese.
 */
export async function GET(request: Request): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in first.", { status: 401 });
  const url = new URL(request.url);
  const [orgId, from, to] = [url.searchParams.get("org") ?? "", url.searchParams.get("from") ?? "", url.searchParams.get("to") ?? ""];
  if (!DAY.test(from) || !DAY.test(to) || from > to)
    return new Response("from and to must be days (YYYY-MM-DD), from ≤ to.", { status: 400 });
  const db = await getDb();
  const org = await ownedOrganisation(db, { userId: user.id, organisationId: orgId });
  if (!org) return new Response("No such organisation.", { status: 404 });
  const messages = messagesFor(negotiateLocale(request.headers.get("accept-language")));
  const range = { organisationId: org.id, from: chinaDayStart(from, 0), to: chinaDayStart(to, 1) };
  const encoder = new TextEncoder();
  let after: number | undefined;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        const c = messages.Phone.csv;
        controller.enqueue(
          encoder.encode(
            `\uFEFF${[c.when, c.entry, c.amount, c.callId, c.kind, c.country, c.minutes, c.rate, c.note].map(csvCell).join(",")}\r\n`,
          ),
        );
        return;
      }
      const rows = await ledgerRangePage(db, { ...range, after, limit: 1000 });
      if (rows.length === 0) return controller.close();
      after = rows.at(-1)!.seq;
      controller.enqueue(encoder.encode(rows.map((r) => ledgerCsvRow(r, messages.Phone).map(csvCell).join(",") + "\r\n").join("")));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="phone-ledger-${from}-${to}.csv"`,
      "cache-control": "no-store",
    },
  });
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would be a formula in a spreadsheet: quote and prefix it.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}
