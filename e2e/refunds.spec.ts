import type { Page } from "@playwright/test";
import { TEST_CLOCK_HEADER } from "@/lib/clock-header";
import { expect, expectAccessible, test, useEnglish, type Account } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

const DAY = 86_400_000;

/** The refund of one line by PRODUCT.md §6.3, worked out here on its own: paid − round(paid × 31 ÷ term days), in fen. */
function lineRefundFen(paidFen: number, paidAt: Date) {
  const expiry = new Date(paidAt);
  expiry.setUTCFullYear(expiry.getUTCFullYear() + 1);
  const termDays = Math.ceil((expiry.getTime() - paidAt.getTime()) / DAY);
  return paidFen - Math.round((paidFen * 31) / termDays);
}

/** ¥ with thousands separators and two places, as the store writes money. */
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A business order (30 seats for a year + one 500-person meeting, ¥52,488) placed and paid in the sandbox; ends on its page. */
async function payBusinessOrder(page: Page, buyer: Account, locale: "zh-CN" | "en") {
  const wizard = new BuyWizard(page, locale);
  await wizard.reachReview("/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1", buyer, {
    organisation: "退款测试科技有限公司",
    contact: "退款人",
    mobile: "13700137000",
  });
  await wizard.placeOrder();
  const orderUrl = page.url();
  await page.getByRole("button", { name: locale === "en" ? "Pay now" : "去支付" }).click();
  await expect(page).toHaveURL(/\/pay\/sandbox\//);
  const paidAt = new Date();
  await page.getByRole("button", { name: locale === "en" ? "Pay" : "支付", exact: true }).click();
  await expect(page).toHaveURL(orderUrl);
  return { orderUrl, paidAt };
}

const dayIn = (locale: string, d: Date) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(d);

test.describe("self-serve refunds", () => {
  test.slow();

  test("zh-CN: a business order paid in the sandbox is refunded from the console; its services end on day 31", async ({ page, buyer }) => {
    const { orderUrl, paidAt } = await payBusinessOrder(page, buyer, "zh-CN");
    const refundFen = lineRefundFen(4_170_000, paidAt) + lineRefundFen(1_078_800, paidAt);
    const stop = new Date(paidAt.getTime() + 31 * DAY);
    // From the service item's row on the purchased services.
    await page.goto("/console/services");
    await page.getByRole("link", { name: "商业版：申请退款" }).click();
    await expect(page).toHaveURL(`${orderUrl}#order-refund`);
    const section = page.getByRole("region", { name: "申请退款" });
    await expect(section.getByTestId("refund-stop")).toContainText(dayIn("zh-CN", stop));
    await expect(section.getByTestId("refund-amount")).toHaveText(yuan(refundFen));
    await expect(section.getByTestId("refund-voucher")).toHaveText("¥0.00");
    await expect(section.getByTestId("refund-formula").first()).toContainText("¥41,700.00 − 31 ÷");
    await expectAccessible(page);

    // The simulator: the same amount up to day 31, too late on day 32.
    const simulator = section.getByLabel("申请日期");
    await simulator.selectOption({ label: `${dayIn("zh-CN", new Date(paidAt.getTime() + 30 * DAY))}（第 31 天）` });
    await expect(section.getByTestId("refund-simulated")).toContainText(`退款 ${yuan(refundFen)}`);
    await simulator.selectOption({ label: `${dayIn("zh-CN", stop)}（第 32 天）` });
    await expect(section.getByTestId("refund-simulated")).toContainText("已超过期限");

    await section.getByLabel("退款原因").selectOption({ label: "不再需要" });
    await section.getByLabel("补充说明（可选）").fill("项目提前结束");
    await section.getByRole("button", { name: `确认退款 ${yuan(refundFen)}` }).click();
    const state = page.getByTestId("refund-state");
    // The refund goes to the provider and back (its notification) in one action: slower than a page load on a busy box.
    await expect(state).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    await expect(state).toContainText(`原路退款 ${yuan(refundFen)}`);
    await expect(page.getByTestId("order-status")).toContainText("部分退款");
    await expect(page.getByTestId("order-history")).toContainText("支付渠道确认退款");
    await expect(page.getByTestId("refund-services")).toHaveText(`服务持续到 ${dayIn("zh-CN", stop)}。`);
    // The receipt shows the refund; a credit note is issued for it.
    const creditNote = await page.request.get(`${new URL(orderUrl).pathname}/credit-note/pdf`);
    expect(creditNote.status()).toBe(200);
    expect(creditNote.headers()["content-type"]).toBe("application/pdf");
    await page.getByRole("link", { name: "查看收据" }).click();
    await expect(page.getByTestId("receipt-refund")).toHaveText(`−${yuan(refundFen)}`);
    await page.goto(orderUrl);

    // Day 31 (the test clock): still running until the stop; the services end on it.
    await page.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: new Date(paidAt.getTime() + 30 * DAY).toISOString() });
    await page.goto("/console/services");
    await expect(page.getByTestId("expires-business")).toHaveText(dayIn("zh-CN", stop));
    await expect(page.getByTestId("expires-large-meeting-500")).toHaveText(dayIn("zh-CN", stop));
    await page.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: new Date(paidAt.getTime() + 31 * DAY + 60_000).toISOString() });
    await page.goto(orderUrl);
    await expect(page.getByTestId("refund-services")).toHaveText(`服务已于 ${dayIn("zh-CN", stop)} 结束。`);
    await expectAccessible(page);
  });

  test("en: the same refund in English", async ({ page, buyer }) => {
    await useEnglish(page);
    const { paidAt } = await payBusinessOrder(page, buyer, "en");
    const refundFen = lineRefundFen(4_170_000, paidAt) + lineRefundFen(1_078_800, paidAt);
    const stop = new Date(paidAt.getTime() + 31 * DAY);
    const section = page.getByRole("region", { name: "Request a refund" });
    await expect(section.getByTestId("refund-stop")).toContainText(dayIn("en", stop));
    await expect(section.getByTestId("refund-amount")).toHaveText(yuan(refundFen));
    await section.getByLabel("Why are you asking for a refund?").selectOption({ label: "Bought by mistake" });
    await section.getByRole("button", { name: `Confirm refund of ${yuan(refundFen)}` }).click();
    await expect(page.getByTestId("refund-state")).toContainText(`${yuan(refundFen)} refunded on`, { timeout: 30_000 });
    await expect(page.getByTestId("order-status")).toContainText("Partly refunded");
    await expect(page.getByTestId("refund-services")).toHaveText(`Your services continue until ${dayIn("en", stop)}.`);
    await page.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: new Date(paidAt.getTime() + 32 * DAY).toISOString() });
    await page.reload();
    await expect(page.getByTestId("refund-services")).toHaveText(`Your services ended on ${dayIn("en", stop)}.`);
    await expectAccessible(page);
  });

  test("a pro order shows why it cannot be refunded, instead of a button; an operator refunds it as goodwill", async ({
    page,
    buyer,
    operator,
    order,
  }) => {
    const wizard = new BuyWizard(page);
    await wizard.reachReview("/buy?edition=pro&seats=3&term=1y", buyer, {
      organisation: "专业版测试",
      contact: "付款人",
      mobile: "13700137001",
    });
    await wizard.placeOrder();
    await page.getByRole("button", { name: "去支付" }).click();
    await page.getByRole("button", { name: "支付", exact: true }).click();
    await expect(page).toHaveURL(/\/orders\//);
    const section = page.getByRole("region", { name: "申请退款" });
    await expect(section.getByTestId("refund-ineligible")).toContainText("仅商业版和企业版订单可以退款（此订单为专业版）");
    await expect(section.getByRole("button")).toHaveCount(0);
    await expectAccessible(page);

    const number = await order.number();
    const { page: ops } = await operator.open("/operator/refunds");
    await ops.getByLabel("订单号").fill(number);
    await ops.getByLabel("金额（¥）").fill("3000.00");
    await ops.getByLabel("原因（将被记录）").fill("服务中断补偿");
    await ops.getByRole("button", { name: "退款", exact: true }).click();
    await expect(ops.getByRole("alert").filter({ hasText: "金额须大于 0 且不超过实付金额" })).toBeVisible({ timeout: 30_000 });
    await ops.getByLabel("金额（¥）").fill("100.00");
    await ops.getByRole("button", { name: "退款", exact: true }).click();
    await expect(ops.getByRole("status").filter({ hasText: number })).toContainText(`订单 ${number}：已通过支付渠道退回 ¥100.00`, {
      timeout: 30_000,
    });
    await ops.reload();
    await expect(ops.getByTestId(`refund-${number}`)).toContainText("善意退款");
    await expect(ops.getByTestId(`refund-${number}`)).toContainText("已退款");
    await expectAccessible(ops);
    await page.reload();
    await expect(page.getByTestId("order-status")).toContainText("部分退款");
    await expect(page.getByTestId("refund-state")).toContainText("原路退款 ¥100.00");
    await expect(page.getByRole("region", { name: "退款", exact: true })).toContainText("由我们的团队退款：服务中断补偿");
  });
});
