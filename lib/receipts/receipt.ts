import type { Locale } from "@/lib/catalog/ids";
import type { OrderLineRow, OrderRow, OrderStatus, PaymentRow } from "@/lib/db/schema";
import { requestedInvoice, invoiceStatus, type InvoiceStatus, type StoredInvoice } from "@/lib/invoices";
import { formatFen, formatMoney, parseFen } from "@/lib/money";
import { seller } from "@/lib/seller";

/** The order states that have been paid for: only these have a receipt (PRODUCT.md §4). */
export const RECEIPT_STATUSES = ["paid", "fulfilled", "refunded", "partially_refunded"] as const;

export const hasReceipt = (order: Pick<OrderRow, "status">) => (RECEIPT_STATUSES as readonly string[]).includes(order.status);

/** Everything a receipt shows, already in the reader's language except the stored line names and formulas. */
export interface Receipt {
  locale: Locale;
  number: string;
  seller: { name: string; taxId: string; address: string; phone: string; email: string };
  buyer: { organisationName: string; contactName: string; email: string; mobile: string };
  placedAt: Date;
  paidAt: Date | undefined;
  /** The payment provider's id ("sandbox"), or "none" for an order fulfilled without payment (a zero total). */
  method: string;
  providerRef: string | undefined;
  lines: { name: string; formula: string; amount: string }[];
  subtotal: string;
  adjustments: { name: string; formula: string; amount: string }[];
  total: string;
  invoice: (Exclude<StoredInvoice, { type: "none" }> & { status: InvoiceStatus }) | undefined;
  /** The order's completed refund: how much went back, when, and the credit note issued for it. */
  refund: { amount: string; net: string; at: Date; creditNote: string } | undefined;
}

export interface ReceiptSource {
  order: OrderRow;
  lines: OrderLineRow[];
  events: { at: Date; toStatus: OrderStatus }[];
  payments: PaymentRow[];
  /** The order's refund, once the provider confirmed it (lib/refunds). */
  refund?: { amount: string; completedAt: Date };
}

/** The receipt of a paid order, or undefined when the order has not been paid. */
export function receiptOf({ order, lines, events, payments, refund }: ReceiptSource, locale: Locale): Receipt | undefined {
  if (!hasReceipt(order)) return undefined;
  // A refunded order's payment is recorded `refunded`: it still is the payment the receipt confirms.
  const paid = payments.find((p) => p.status === "succeeded") ?? payments.find((p) => p.status === "refunded");
  const items = lines.filter((l) => l.kind !== "adjustment");
  const adjustments = lines.filter((l) => l.kind === "adjustment");
  // The stored lines are exact two-place decimals; the subtotal is their sum in integer fen.
  const subtotalFen = items.reduce((sum, l) => sum + parseFen(l.amount), 0);
  const org = order.organisation as { organisationName: string; contactName: string; email: string; mobile: string };
  const invoice = requestedInvoice(order.invoice);
  return {
    locale,
    number: order.number,
    seller: { name: seller.name[locale], taxId: seller.taxId, address: seller.address[locale], phone: seller.phone, email: seller.email },
    buyer: { organisationName: org.organisationName, contactName: org.contactName, email: org.email, mobile: org.mobile },
    placedAt: order.createdAt,
    paidAt: events.find((e) => e.toStatus === "paid")?.at ?? paid?.updatedAt,
    method: paid?.provider ?? "none",
    providerRef: paid?.paymentRef,
    lines: items.map((l) => ({ name: l.name, formula: l.formula, amount: formatMoney(l.amount) })),
    subtotal: formatFen(subtotalFen),
    adjustments: adjustments.map((l) => ({ name: l.name, formula: l.formula, amount: formatMoney(l.amount) })),
    total: formatMoney(order.total),
    invoice: invoice && { ...invoice, status: invoiceStatus(invoice) },
    refund: refund && {
      amount: formatMoney(refund.amount),
      net: formatFen(parseFen(order.total) - parseFen(refund.amount)),
      at: refund.completedAt,
      creditNote: creditNoteNumber(order.number),
    },
  };
}

/** The credit note of an order's refund (one refund per order, so one credit note): CN-<order number>. */
export const creditNoteNumber = (orderNumber: string) => `CN-${orderNumber}`;
