// The receipt download as an HTTP response: the PDF for the owner of a paid order, otherwise a
// plain-text answer that says why (401 signed out, 404 no such order of yours, 403 not paid yet).
import type { Locale } from "@/lib/catalog/ids";
import type { Db } from "@/lib/db/client";
import { messagesFor, translatorFor } from "@/lib/i18n/messages";
import { PdfFontMissingError } from "@/lib/pdf/document";
import { loadReceipt } from "./load";
import { renderReceiptPdf } from "./pdf";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

export async function receiptPdfResponse(
  openDb: () => Promise<Db>,
  params: { orderId: string; userId: string | undefined; locale: Locale },
): Promise<Response> {
  const messages = messagesFor(params.locale);
  // The session first: the database is opened only for a signed-in buyer.
  if (!params.userId) return text(messages.Receipt.signIn, 401);
  const lookup = await loadReceipt(await openDb(), { orderId: params.orderId, userId: params.userId, locale: params.locale });
  if (!lookup.found && lookup.reason === "not-found") return text(messages.Receipt.notFound, 404);
  if (!lookup.found) {
    const status = messages.Order.status[lookup.status as keyof typeof messages.Order.status] ?? lookup.status;
    return text(translatorFor(params.locale)("Receipt.notPaid", { status }), 403);
  }
  try {
    const pdf = await renderReceiptPdf(lookup.receipt);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="receipt-${lookup.receipt.number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof PdfFontMissingError)) throw error;
    console.error("[receipts]", error.message);
    return text(messages.Receipt.fontMissing, 503);
  }
}
