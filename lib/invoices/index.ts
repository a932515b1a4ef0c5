import type { InvoiceRequest } from "@/lib/validations/organisation";

/*
 * The invoice (fapiao) a buyer asked for with an order. It is stored with the order as submitted
 * (orders.invoice); issuing it is an operator's job outside the store, recorded as `issuedAt`
 * (and the invoice number) inside the same JSON when it happens. Until then it is "requested".
 */

export const INVOICE_STATUSES = ["requested", "issued"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** An invoice request as stored, with what issuing it adds. */
export type StoredInvoice = InvoiceRequest & { issuedAt?: string; invoiceNumber?: string };

/** The invoice an order asked for, or undefined when none ("none", or an order stored before invoices). */
export function requestedInvoice(stored: unknown): Exclude<StoredInvoice, { type: "none" }> | undefined {
  if (!stored || typeof stored !== "object") return undefined;
  const invoice = stored as StoredInvoice;
  if (invoice.type !== "ordinary" && invoice.type !== "special") return undefined;
  return invoice;
}

/** Requested until an operator issues it. */
export function invoiceStatus(invoice: StoredInvoice): InvoiceStatus {
  return invoice.issuedAt ? "issued" : "requested";
}
