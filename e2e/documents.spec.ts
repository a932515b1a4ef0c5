import { expect, expectAccessible, test, useEnglish } from "./fixtures";
import { Header, SignUpForm, type UiLocale } from "./pages/auth";
import { downloadPdf, InvoiceForm, OrderDocuments, type SpecialInvoice } from "./pages/documents";
import { BuyWizard, OrderPage } from "./pages/wizard";

const BUSINESS = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1";
const TOTAL = "¥52,488.00";
// The seller of lib/seller/seller.json.
const SELLER_TAX_ID = "91110108MA01QRM7XK";

const INVOICE: SpecialInvoice = {
  title: "星河科技有限公司",
  uscc: "91350100M000100Y43",
  bankName: "招商银行北京中关村支行",
  bankAccount: "6225 8801 1234 5678",
  registeredAddress: "北京市海淀区中关村大街 27 号",
  registeredPhone: "010-62345678",
};

const TEXT = {
  "zh-CN": {
    purchaseTerms: "付费服务购买协议",
    refundSection: "6. 退款",
    refundRule: "可在购买之日起 31 天内申请退款",
    earlier: "这是较早的版本 2025-10-01",
    reviewHeading: /确认订单/,
    special: "增值税专用发票",
    requested: "已申请（待开具）",
    atReview: "提交订单后申请开具",
    fulfilled: "已开通",
    usccMessages: {
      length: "统一社会信用代码应为 18 位",
      characters: "统一社会信用代码只能包含数字和大写字母（不含 I、O、S、V、Z）",
      check: "统一社会信用代码的校验位（最后一位）与前 17 位不符",
    },
    receipt: ["收据", "Quorum 会议（北京）科技有限公司", "纳税人识别号", "付款方式: 沙箱支付网关", "以上金额均为人民币含税价"],
    notPaid: "订单付款后才有收据",
  },
  en: {
    purchaseTerms: "Paid Services Purchase Agreement",
    refundSection: "6. Refunds",
    refundRule: "on a request made within 31 days of purchase",
    earlier: "This is the earlier version 2025-10-01",
    reviewHeading: /Review/,
    special: "Special VAT invoice",
    requested: "Requested (not yet issued)",
    atReview: "Requested with the order",
    fulfilled: "Active",
    usccMessages: {
      length: "A unified social credit code has exactly 18 characters",
      characters: "only digits and capital letters other than I, O, S, V and Z",
      check: "The check character (the last one) does not match the first 17 characters",
    },
    receipt: [
      "Receipt",
      "Quorum Meeting (Beijing) Technology Co., Ltd.",
      "Taxpayer ID",
      "Payment method: Sandbox payment gateway",
      "All amounts are in CNY and include tax",
    ],
    notPaid: "A receipt exists once the order is paid",
  },
} as const;

for (const locale of ["zh-CN", "en"] as UiLocale[]) {
  const text = TEXT[locale];

  test(`${locale}: a business buyer reads the agreements, asks for a special VAT invoice, pays and downloads the receipt`, async ({
    page,
    buyer,
    newSession,
  }) => {
    // The whole journey of a buyer (agreements, invoice, payment, three downloads, a second account): more than one page's worth of time.
    test.slow();
    if (locale === "en") await useEnglish(page);
    const wizard = new BuyWizard(page, locale);
    const docs = new OrderDocuments(page, locale);
    const invoiceForm = new InvoiceForm(page, locale);

    // Agreements step: "read in full" opens the whole agreement, not its one-line summary.
    await wizard.open(BUSINESS);
    await expect(wizard.summaryTotal).toHaveText(TOTAL);
    await wizard.toAgreements();
    const [reader] = await Promise.all([page.context().waitForEvent("page"), docs.readLink(text.purchaseTerms).click()]);
    await expect(reader.getByRole("heading", { level: 1 })).toHaveText(text.purchaseTerms);
    await expect(reader.getByRole("heading", { name: text.refundSection })).toBeVisible();
    await expect(reader.getByText(text.refundRule)).toBeVisible();
    await expect(reader.getByTestId("agreement-version")).toContainText("2026-03-01");
    await expectAccessible(reader);
    await reader.close();

    await wizard.acceptAgreements();
    await wizard.continue();
    await wizard.signUp({ ...buyer, name: "李雷" });
    await wizard.fillOrganisation({ organisation: INVOICE.title, contact: "李雷", mobile: "13800138000" });
    await invoiceForm.fillSpecial({ ...INVOICE, uscc: "91350100M000100Y4" });

    // Each way a credit code can be wrong says what is wrong, typed as a buyer types.
    await expect(page.getByText(text.usccMessages.length)).toBeVisible();
    await invoiceForm.typeUscc("91350100O000100Y43");
    await expect(page.getByText(text.usccMessages.characters)).toBeVisible();
    await expect(page.getByText(text.usccMessages.length)).toHaveCount(0);
    await invoiceForm.typeUscc("91350100M000100Y44");
    await expect(page.getByText(text.usccMessages.check)).toBeVisible();
    await expect(invoiceForm.uscc).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await wizard.continue();
    await expect(page).toHaveURL(/step=organisation/); // an invalid code keeps the buyer here
    await invoiceForm.typeUscc(INVOICE.uscc.toLowerCase());
    await expect(page.getByText(text.usccMessages.check)).toHaveCount(0);
    await wizard.continue();

    // Review shows the invoice with its credit code.
    await expect(page.getByRole("heading", { name: text.reviewHeading })).toBeVisible();
    await expect(docs.reviewInvoice).toContainText(text.special);
    await expect(docs.reviewInvoice).toContainText(INVOICE.uscc);
    await expect(docs.reviewInvoice).toContainText(text.atReview);
    await expectAccessible(page);
    await wizard.placeOrder();

    // The order page keeps it, with its status; no receipt before payment.
    const order = new OrderPage(page);
    const number = await order.number();
    const orderUrl = page.url();
    await expect(docs.invoice).toContainText(text.special);
    await expect(docs.invoice).toContainText(INVOICE.uscc);
    await expect(docs.invoice).toContainText(INVOICE.bankName);
    await expect(docs.invoice.getByTestId("invoice-status")).toContainText(text.requested);
    await expect(docs.downloadReceipt).toHaveCount(0);
    const early = await page.request.get(`${orderUrl}/receipt/pdf`);
    expect(early.status()).toBe(403);
    expect(await early.text()).toContain(text.notPaid);
    await expectAccessible(page);

    await docs.pay();
    await expect(page.getByText(text.fulfilled).first()).toBeVisible();
    await expect(order.total).toHaveText(TOTAL);

    // The receipt PDF from the order page.
    const fromOrder = await downloadPdf(page, docs.downloadReceipt);
    expect(fromOrder.name).toBe(`receipt-${number}.pdf`);
    for (const expected of [...text.receipt, SELLER_TAX_ID, number, INVOICE.title, INVOICE.uscc, text.requested, TOTAL])
      expect(fromOrder.text).toContain(expected);
    const providerRef = fromOrder.text.match(/sbp_[0-9a-f]{32}/)?.[0];
    expect(providerRef).toBeTruthy();

    // The print view shows the same receipt.
    await docs.viewReceipt.click();
    await expect(page).toHaveURL(/\/receipt$/);
    await expect(page.getByText(SELLER_TAX_ID)).toBeVisible();
    await expect(page.getByTestId("receipt-number")).toHaveText(number);
    await expect(page.getByTestId("receipt-ref")).toHaveText(providerRef!);
    await expect(page.getByTestId("receipt-total")).toHaveText(TOTAL);
    await expect(page.getByTestId("receipt-invoice-details")).toContainText(INVOICE.uscc);
    await expectAccessible(page);

    // And from the orders list.
    await page.goto("/console/orders");
    const fromList = await downloadPdf(page, docs.receiptInList(number));
    expect(fromList.text).toContain(number);
    expect(fromList.text).toContain(SELLER_TAX_ID);
    await expectAccessible(page);

    // Only the buyer gets it: signed out 401, another account 404.
    const stranger = await newSession();
    const signedOut = await stranger.page.request.get(`${orderUrl}/receipt/pdf`);
    expect(signedOut.status()).toBe(401);
    await stranger.page.goto("/sign-up");
    await new SignUpForm(stranger.page).submit({ name: "韩梅梅", email: `other-${buyer.email}`, password: buyer.password });
    await expect(new Header(stranger.page).signOutButton).toBeVisible();
    expect((await stranger.page.request.get(`${orderUrl}/receipt/pdf`)).status()).toBe(404);

    // The order page links each accepted agreement to exactly the version accepted.
    await page.goto(orderUrl);
    await docs.readLink(text.purchaseTerms).click();
    await expect(page).toHaveURL(/\/agreements\/purchase-terms\?version=2026-03-01$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text.purchaseTerms);
    await expect(page.getByRole("heading", { name: text.refundSection })).toBeVisible();

    // An earlier version stays readable, marked as such.
    await page.goto("/agreements/purchase-terms?version=2025-10-01");
    await expect(page.getByRole("note")).toContainText(text.earlier);
    await expectAccessible(page);
  });
}
