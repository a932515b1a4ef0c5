import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import type { OrderLineRow, OrderRefundRow, OrderRow, PaymentRow } from "@/lib/db/schema";
import { receiptOf } from "@/lib/receipts/receipt";
import { creditNoteOf, renderCreditNotePdf } from "./credit-note";

const paidAt = new Date("2026-11-02T04:00:00Z");
const refundedAt = new Date("2026-11-15T04:00:00Z");
const order = {
  id: "o1",
  number: "Q20261102-7F3K9C",
  status: "partially_refunded",
  edition: "business",
  total: "7113.00",
  createdAt: paidAt,
  organisation: { organisationName: "星河科技有限公司", contactName: "李雷", mobile: "13800138000", email: "li@example.com" },
  invoice: { type: "none" },
} as unknown as OrderRow;
const lines = [
  {
    orderId: "o1",
    position: 0,
    kind: "seats",
    sku: "business",
    name: "商业版",
    quantity: 5,
    unitPrice: "1390.00",
    amount: "7213.00",
    formula: "",
  },
  {
    orderId: "o1",
    position: 1,
    kind: "adjustment",
    sku: "voucher:SAVE100",
    name: "代金券",
    quantity: 1,
    unitPrice: "-100.00",
    amount: "-100.00",
    formula: "",
  },
] as OrderLineRow[];
// Recorded `refunded` once the money went back: the receipt still names that payment.
const payments = [{ provider: "sandbox", paymentRef: "sbp_1", status: "refunded", updatedAt: paidAt, createdAt: paidAt }] as PaymentRow[];
const refund = {
  id: "r1",
  orderId: "o1",
  rootOrderId: "o1",
  kind: "self_serve",
  status: "succeeded",
  provider: "sandbox",
  paymentRef: "sbp_1",
  amount: "6508.88",
  paid: "7113.00",
  voucherKept: "100.00",
  stopAt: new Date("2026-12-03T04:00:00Z"),
  outcome: "partially_refunded",
  reason: "not_needed",
  note: "项目提前结束",
  requestedBy: "u1",
  breakdown: [
    {
      id: "i1",
      sku: "business",
      kind: "service",
      quantity: 5,
      paid: "7113.00",
      usedDays: 31,
      totalDays: 365,
      kept: "604.12",
      refund: "6508.88",
    },
  ],
  refundRef: "sbr_1",
  createdAt: refundedAt,
  updatedAt: refundedAt,
  completedAt: refundedAt,
} as OrderRefundRow;

describe("the receipt and credit note of a refunded order", () => {
  const source = { order, lines, events: [{ at: paidAt, toStatus: "paid" as const }], payments };

  it("the receipt shows the refund, its credit note and what was paid net of it, and still names the payment", () => {
    const receipt = receiptOf({ ...source, refund: { amount: "6508.88", completedAt: refundedAt } }, "zh-CN")!;
    expect(receipt.refund).toEqual({ amount: "¥6,508.88", net: "¥604.12", at: refundedAt, creditNote: "CN-Q20261102-7F3K9C" });
    expect(receipt).toMatchObject({ method: "sandbox", providerRef: "sbp_1", total: "¥7,113.00" });
    expect(receiptOf(source, "zh-CN")!.refund).toBeUndefined();
  });

  it.each(["zh-CN", "en"] as const)(
    "%s: the credit note PDF holds its number, the order, each line's formula and the total credited",
    async (locale) => {
      const receipt = receiptOf({ ...source, refund: { amount: "6508.88", completedAt: refundedAt } }, locale)!;
      const note = creditNoteOf(receipt, refund)!;
      expect(note.lines).toEqual([
        { name: locale === "en" ? "Business" : "商业版", detail: "¥7,113.00 − 31 ÷ 365 × ¥7,113.00 = ¥6,508.88", amount: "−¥6,508.88" },
      ]);
      const pdf = await renderCreditNotePdf(note);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
      const flat = text.replace(/\s+/g, "");
      for (const expected of [
        "CN-Q20261102-7F3K9C",
        "Q20261102-7F3K9C",
        "−¥6,508.88",
        "sbr_1",
        locale === "en" ? "Creditnote" : "红字凭证",
      ])
        expect(flat).toContain(expected.replace(/\s+/g, ""));
    },
  );

  it("no credit note before the refund completed", () => {
    const receipt = receiptOf({ ...source, refund: { amount: "6508.88", completedAt: refundedAt } }, "en")!;
    expect(creditNoteOf(receipt, { ...refund, status: "processing", completedAt: null })).toBeUndefined();
  });
});
