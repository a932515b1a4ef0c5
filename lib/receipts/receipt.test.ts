import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import type { OrderLineRow, OrderRow, PaymentRow } from "@/lib/db/schema";
import { messagesFor } from "@/lib/i18n/messages";
import { seller } from "@/lib/seller";
import { isValidUscc } from "@/lib/validations/uscc";
import { renderReceiptPdf } from "./pdf";
import { receiptOf, type ReceiptSource } from "./receipt";

const placedAt = new Date("2026-11-22T07:00:00Z");
const paidAt = new Date("2026-11-22T07:05:00Z");

const order = (status: OrderRow["status"]): OrderRow =>
  ({
    id: "o1",
    number: "Q20261122-7F3K9C",
    status,
    edition: "business",
    total: "52388.00",
    createdAt: placedAt,
    organisation: { organisationName: "星河科技有限公司", contactName: "李雷", mobile: "13800138000", email: "li@example.com" },
    invoice: {
      type: "special",
      title: "星河科技有限公司",
      uscc: "91350100M000100Y43",
      bankName: "招商银行北京分行",
      bankAccount: "6225880112345678",
      registeredAddress: "北京市海淀区中关村大街 1 号",
      registeredPhone: "010-12345678",
    },
  }) as unknown as OrderRow;

const line = (position: number, kind: OrderLineRow["kind"], name: string, formula: string, amount: string) =>
  ({ orderId: "o1", position, kind, sku: name, name, quantity: 1, unitPrice: amount, amount, formula }) as OrderLineRow;

const lines = [
  line(0, "seats", "商业版 高级账号", "30 × ¥1,390.00 × 1 年 = ¥41,700.00", "41700.00"),
  line(1, "addon", "大型会议 500 方", "1 × ¥10,788.00 × 1 年 = ¥10,788.00", "10788.00"),
  line(2, "adjustment", "代金券 SAVE100", "−¥100.00", "-100.00"),
];

const payment = { provider: "sandbox", paymentRef: "sbx_4f2a9c81", orderId: "o1", status: "succeeded", updatedAt: paidAt } as PaymentRow;

const source = (status: OrderRow["status"]): ReceiptSource => ({
  order: order(status),
  lines,
  events: [
    { at: placedAt, toStatus: "pending_payment" },
    { at: paidAt, toStatus: "paid" },
    { at: paidAt, toStatus: "fulfilled" },
  ],
  payments: [{ ...payment, paymentRef: "sbx_failed", status: "failed" } as PaymentRow, payment],
});

describe("receiptOf", () => {
  it.each(["pending_payment", "cancelled", "expired"] as const)("has no receipt for a %s order", (status) => {
    expect(receiptOf(source(status), "zh-CN")).toBeUndefined();
  });

  it.each(["paid", "fulfilled", "refunded", "partially_refunded"] as const)("has a receipt for a %s order", (status) => {
    expect(receiptOf(source(status), "zh-CN")?.number).toBe("Q20261122-7F3K9C");
  });

  it("separates lines and adjustments, sums the subtotal exactly, and takes the succeeded payment", () => {
    const receipt = receiptOf(source("fulfilled"), "en")!;
    expect(receipt.lines.map((l) => l.amount)).toEqual(["¥41,700.00", "¥10,788.00"]);
    expect(receipt.adjustments).toEqual([{ name: "代金券 SAVE100", formula: "−¥100.00", amount: "-¥100.00" }]);
    expect(receipt.subtotal).toBe("¥52,488.00");
    expect(receipt.total).toBe("¥52,388.00");
    expect(receipt.paidAt).toEqual(paidAt);
    expect(receipt.method).toBe("sandbox");
    expect(receipt.providerRef).toBe("sbx_4f2a9c81");
    expect(receipt.seller.name).toBe(seller.name.en);
    expect(receipt.invoice?.status).toBe("requested");
  });

  it("marks an issued invoice as issued", () => {
    const s = source("fulfilled");
    s.order = { ...s.order, invoice: { ...(s.order.invoice as object), issuedAt: "2026-11-23T02:00:00Z" } };
    expect(receiptOf(s, "zh-CN")?.invoice?.status).toBe("issued");
  });

  it("ships a seller whose tax id is a valid credit code", () => {
    expect(isValidUscc(seller.taxId)).toBe(true);
  });
});

async function textOf(pdf: Buffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("renderReceiptPdf", () => {
  it.each(["zh-CN", "en"] as const)("in %s shows everything a receipt must (PRODUCT.md §4)", async (locale) => {
    const receipt = receiptOf(source("fulfilled"), locale)!;
    const pdf = await renderReceiptPdf(receipt);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = await textOf(pdf);
    const labels = messagesFor(locale).Receipt;
    const invoice = messagesFor(locale).Invoice;
    const time = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "long", timeStyle: "short" }).format(paidAt);
    for (const expected of [
      labels.title,
      seller.name[locale],
      seller.taxId,
      "星河科技有限公司",
      "Q20261122-7F3K9C",
      `${labels.paidAt}: ${time}`,
      `${labels.method}: ${labels.methods.sandbox}`,
      `${labels.providerRef}: sbx_4f2a9c81`,
      "商业版 高级账号",
      "30 × ¥1,390.00 × 1 年 = ¥41,700.00",
      "¥10,788.00",
      "代金券 SAVE100",
      "-¥100.00",
      labels.subtotal,
      "¥52,488.00",
      labels.total,
      "¥52,388.00",
      invoice.types.special,
      "91350100M000100Y43",
      invoice.statuses.requested,
    ])
      expect(text).toContain(expected);
    // The tax-included note wraps over lines: compare its words.
    expect(text.replace(/ /g, "")).toContain(labels.taxNote.replace(/ /g, ""));
    expect(text).not.toContain("sbx_failed");
  });
});
