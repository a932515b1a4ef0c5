import { readFile } from "node:fs/promises";
import { expect, type Locator, type Page } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import type { UiLocale } from "./auth";

const LABELS = {
  "zh-CN": {
    special: "增值税专用发票",
    title: "发票抬头",
    uscc: "统一社会信用代码",
    bankName: "开户银行",
    bankAccount: "银行账号",
    registeredAddress: "注册地址",
    registeredPhone: "注册电话",
    read: "阅读全文",
    pay: "去支付",
    sandboxPay: "支付",
    downloadReceipt: "下载收据 PDF",
    viewReceipt: "查看收据",
    receiptFor: (number: string) => `下载订单 ${number} 的收据 PDF`,
  },
  en: {
    special: "Special VAT invoice",
    title: "Invoice title",
    uscc: "Unified social credit code",
    bankName: "Bank",
    bankAccount: "Bank account number",
    registeredAddress: "Registered address",
    registeredPhone: "Registered phone",
    read: "Read in full",
    pay: "Pay now",
    sandboxPay: "Pay",
    downloadReceipt: "Download receipt (PDF)",
    viewReceipt: "View receipt",
    receiptFor: (number: string) => `Download the receipt of order ${number} (PDF)`,
  },
} as const;

/** A special VAT invoice's tax registration details. */
export interface SpecialInvoice {
  title: string;
  uscc: string;
  bankName: string;
  bankAccount: string;
  registeredAddress: string;
  registeredPhone: string;
}

/** The invoice (fapiao) part of the organisation step. */
export class InvoiceForm {
  constructor(
    readonly page: Page,
    readonly locale: UiLocale = "zh-CN",
  ) {}

  private get labels() {
    return LABELS[this.locale];
  }

  get uscc() {
    return this.page.getByLabel(this.labels.uscc);
  }

  /** Types a credit code and leaves the field, so its message (if any) shows. */
  async typeUscc(code: string) {
    await this.uscc.fill("");
    await this.uscc.pressSequentially(code);
    await this.uscc.blur();
  }

  /** Chooses a special VAT invoice and fills every field it needs. */
  async fillSpecial(invoice: SpecialInvoice) {
    await this.page.getByRole("radio", { name: this.labels.special }).check();
    await this.page.getByLabel(this.labels.title).fill(invoice.title);
    await this.typeUscc(invoice.uscc);
    await this.page.getByLabel(this.labels.bankName, { exact: true }).fill(invoice.bankName);
    await this.page.getByLabel(this.labels.bankAccount).fill(invoice.bankAccount);
    await this.page.getByLabel(this.labels.registeredAddress).fill(invoice.registeredAddress);
    await this.page.getByLabel(this.labels.registeredPhone).fill(invoice.registeredPhone);
  }
}

/** The text of a downloaded PDF, whitespace collapsed. */
export async function pdfText(path: string): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(await readFile(path)));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

/** Clicks `link` and returns the text of the PDF it downloads, checking it is one. */
export async function downloadPdf(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await download.path();
  const head = (await readFile(path)).subarray(0, 5).toString("latin1");
  expect(head).toBe("%PDF-");
  return { name: download.suggestedFilename(), text: await pdfText(path) };
}

/** The documents around an order: agreement links, invoice, receipt downloads, payment. */
export class OrderDocuments {
  constructor(
    readonly page: Page,
    readonly locale: UiLocale = "zh-CN",
  ) {}

  private get labels() {
    return LABELS[this.locale];
  }

  /** "阅读全文" for one agreement (its title is in the link's accessible name). */
  readLink(title: string) {
    return this.page.getByRole("link", { name: new RegExp(`^${this.labels.read} ${title}`) });
  }

  get invoice() {
    return this.page.getByTestId("order-invoice-details");
  }
  get reviewInvoice() {
    return this.page.getByTestId("review-invoice");
  }
  get downloadReceipt() {
    return this.page.getByRole("link", { name: this.labels.downloadReceipt });
  }
  get viewReceipt() {
    return this.page.getByRole("link", { name: this.labels.viewReceipt });
  }
  /** The orders list's receipt link of one order. */
  receiptInList(number: string) {
    return this.page.getByRole("link", { name: this.labels.receiptFor(number) });
  }

  /** From the order page through the sandbox's "pay" back to the paid order. */
  async pay() {
    await this.page.getByRole("button", { name: this.labels.pay }).click();
    await expect(this.page).toHaveURL(/\/pay\/sandbox\//);
    await this.page.getByRole("button", { name: this.labels.sandboxPay, exact: true }).click();
    await expect(this.page).toHaveURL(/\/orders\/[^/]+$/);
  }
}
