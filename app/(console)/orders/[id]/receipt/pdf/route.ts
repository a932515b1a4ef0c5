import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { receiptPdfResponse } from "@/lib/receipts/pdf-response";

/** GET /orders/<id>/receipt/pdf: the receipt of a paid order, for its buyer only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [user, locale] = [await getCurrentUser(), await getLocale()];
  return receiptPdfResponse(getDb, { orderId: id, userId: user?.id, locale });
}
