import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { findRefundOfOrder } from "@/lib/db/queries/refunds";
import { isLocale, DEFAULT_LOCALE } from "@/lib/i18n/locale";
import { messagesFor } from "@/lib/i18n/messages";
import { PdfFontMissingError } from "@/lib/pdf/document";
import { loadReceipt } from "@/lib/receipts/load";
import { creditNoteOf, renderCreditNotePdf } from "@/lib/refunds/credit-note";

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });

/** GET /orders/<id>/credit-note/pdf: the credit note of a refunded order, for its buyer only (401 signed out, 404 none of theirs). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [user, requested] = [await getCurrentUser(), await getLocale()];
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  const labels = messagesFor(locale).Refunds.creditNote;
  if (!user) return text(labels.signIn, 401);
  const db = await getDb();
  const lookup = await loadReceipt(db, { orderId: id, userId: user.id, locale });
  const refund = lookup.found ? await findRefundOfOrder(db, { orderId: id }) : undefined;
  const note = lookup.found && refund ? creditNoteOf(lookup.receipt, refund) : undefined;
  if (!note) return text(labels.notFound, 404);
  try {
    const pdf = await renderCreditNotePdf(note);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="credit-note-${note.number}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (!(error instanceof PdfFontMissingError)) throw error;
    console.error("[refunds]", error.message);
    return text(labels.fontMissing, 503);
  }
}
