import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, useEnglish, type Account } from "./fixtures";
import { currentUserId, later, runJob } from "./jobs";
import { BuyWizard, OrderPage } from "./pages/wizard";
import { minimalPdf } from "@/lib/testing/proof-files";

const BUSINESS = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1";
const TEST_NOW = "x-quorum-test-now";
const minutesOn = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
// A whole PDF (header, cross-reference table, startxref, %%EOF): uploads check the structure, not only "%PDF-".
const PDF = Buffer.from(minimalPdf());

const badge = (page: Page) => page.getByTestId("order-status");
const history = (page: Page) => page.getByTestId("order-history");

async function placeBusinessOrder(wizard: BuyWizard, buyer: Account) {
  await wizard.reachReview(
    BUSINESS,
    { ...buyer, name: "状态测试" },
    { organisation: "状态科技有限公司", contact: "状态测试", mobile: "13700137000" },
  );
  await wizard.placeOrder();
}

test.describe("order page states", () => {
  test("awaiting payment with a countdown, a failed then a cancelled attempt, then cancelled by the buyer", async ({
    page,
    buyer,
    wizard,
    order,
  }) => {
    test.slow();
    await placeBusinessOrder(wizard, buyer);
    await expect(badge(page)).toHaveText("订单状态: 待付款");
    await expect(page.getByTestId("payment-countdown")).toHaveText(/^剩余 (29|30) 分 \d+ 秒$/);
    await expect(page.getByText(/^请在 .+ 前付款$/)).toBeVisible();
    await expectAccessible(page);

    // A failed attempt says so, in the badge and in the history.
    await order.startPayment();
    await order.sandbox("模拟失败");
    await expect(page).toHaveURL(/\/orders\//);
    await expect(badge(page)).toHaveText("订单状态: 付款失败");
    await expect(page.getByTestId("last-attempt")).toHaveText("第 1 次付款：支付失败。");
    await expect(history(page)).toContainText("第 1 次付款失败");

    // A cancelled attempt is told apart from a failed one.
    await order.startPayment();
    await order.sandbox("取消");
    await expect(page).toHaveURL(/\/orders\//);
    await expect(badge(page)).toHaveText("订单状态: 付款已取消");
    await expect(page.getByTestId("last-attempt")).toHaveText("第 2 次付款：您在付款页取消了付款。");
    await expect(history(page).getByRole("listitem")).toHaveText([/待付款（下单）$/, /第 1 次付款失败$/, /第 2 次付款已取消$/]);
    await expectAccessible(page);

    // Cancelling asks once more; "不取消" keeps the order.
    await page.getByRole("button", { name: "取消订单" }).click();
    await page.getByRole("button", { name: "不取消" }).click();
    await expect(badge(page)).toHaveText("订单状态: 付款已取消");
    await page.getByRole("button", { name: "取消订单" }).click();
    await expect(page.getByText("取消后此订单不能再付款。确定取消吗？")).toBeVisible();
    await page.getByRole("button", { name: "确认取消订单" }).click();
    await expect(badge(page)).toHaveText("订单状态: 已取消");
    await expect(history(page).getByRole("listitem").last()).toHaveText(/已取消（由您取消）$/);
    await expect(page.getByText("订单已取消。")).toBeVisible();
    await expect(order.payButton).toHaveCount(0);
    await expect(page.getByRole("button", { name: "取消订单" })).toHaveCount(0);
    // A refresh keeps it cancelled; the orders list says so too.
    await page.reload();
    await expect(badge(page)).toHaveText("订单状态: 已取消");
    await page.goto("/console/orders");
    await expect(page.getByRole("row", { name: /Q\d{8}-/ })).toContainText("已取消");
    await expectAccessible(page);
  });

  test("an unpaid order past its deadline shows the expired badge and no cancel button", async ({ page, buyer, wizard, order }) => {
    await placeBusinessOrder(wizard, buyer);
    const url = page.url();
    await page.setExtraHTTPHeaders({ [TEST_NOW]: minutesOn(31) });
    await page.goto(url);
    await expect(badge(page)).toHaveText("订单状态: 已过期");
    await expect(history(page).getByRole("listitem").last()).toHaveText(/已过期（未在付款期限内付款）$/);
    await expect(order.payButton).toHaveCount(0);
    await expect(page.getByRole("button", { name: "取消订单" })).toHaveCount(0);
    await expect(page.getByTestId("payment-countdown")).toHaveCount(0);
    await expectAccessible(page);
  });

  test("the expiry job, run with the clock 31 minutes on, expires the buyer's unpaid order for every later visit", async ({
    page,
    buyer,
    wizard,
  }) => {
    await placeBusinessOrder(wizard, buyer);
    await expect(badge(page)).toHaveText("订单状态: 待付款");
    const result = await runJob(page.request, "orders.expire-stale", {
      now: later({ minutes: 31 }),
      only: { userId: await currentUserId(page.request) },
    });
    expect(result).toEqual({ expired: 1 });
    // The page is read at the real clock now: the order stays expired because the job wrote it so.
    await page.reload();
    await expect(badge(page)).toHaveText("订单状态: 已过期");
    await expect(history(page).getByRole("listitem").last()).toHaveText(/已过期（未在付款期限内付款）$/);
  });

  test("a reader who switched to English sees a Chinese order's lines in English, with the same amounts", async ({
    page,
    buyer,
    wizard,
    order,
  }) => {
    await placeBusinessOrder(wizard, buyer);
    const lines = page.locator("section", { has: page.locator("#order-lines") });
    await expect(lines).toContainText("30 × ¥1,390/席/年 × 1 年 = ¥41,700.00");
    await useEnglish(page);
    await page.reload();
    await expect(badge(page)).toHaveText("Order status: Awaiting payment");
    await expect(lines).toContainText("30 × ¥1,390/seat/yr × 1 yr = ¥41,700.00");
    await expect(lines).toContainText("1 × ¥10,788/licence/yr × 1 yr = ¥10,788.00");
    await expect(lines).not.toContainText(/[\u4e00-\u9fff]/);
    await expect(order.total).toHaveText("¥52,488.00");
    await expect(page.getByTestId("payment-countdown")).toHaveText(/^(29|30) min \d+ s left$/);
    await expect(page.getByRole("button", { name: "Cancel order" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/console/orders");
    await expect(page.getByRole("row", { name: /Q\d{8}-/ })).toContainText("Awaiting payment");
  });

  test("a ¥20,000 cash voucher on a ¥988 cart: warned at review, fulfilled at once without the sandbox", async ({
    page,
    buyer,
    wizard,
    order,
    operator: staff,
  }) => {
    test.slow();
    const code = `ZERO-${randomUUID().slice(0, 8).toUpperCase()}`;
    const operator = await staff.open("/operator/vouchers");
    await operator.page.getByLabel("代码").fill(code);
    await operator.page.getByRole("radio", { name: "现金券（抵扣金额）" }).check();
    await operator.page.getByLabel("抵扣金额（元）").fill("20000");
    await operator.page.getByRole("button", { name: "创建" }).click();
    await expect(operator.page.getByRole("status")).toHaveText(`已创建代金券 ${code}。`);
    await operator.close();

    await wizard.reachReview(
      "/buy?edition=pro&seats=1&term=1y",
      { ...buyer, name: "零元" },
      { organisation: "零元科技", contact: "零元", mobile: "13700137001" },
    );
    await wizard.applyVoucher(code.toLowerCase());
    await expect(page.getByText(`已使用代金券 ${code}`)).toBeVisible();
    await expect(page.getByTestId("voucher-warnings")).toHaveText(
      "此代金券面值 ¥20,000.00，超过订单金额 ¥988.00：订单应付 ¥0.00，下单后直接开通，超出的 ¥19,012.00 不退还、不保留。",
    );
    await expect(wizard.reviewTotal).toHaveText("¥0.00");
    await expectAccessible(page);
    const sandbox: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/pay/sandbox/")) sandbox.push(r.url());
    });
    await wizard.placeOrder();
    await expect(page).toHaveURL(/\/orders\//);
    await expect(order.total).toHaveText("¥0.00");
    await expect(badge(page)).toHaveText("订单状态: 已开通");
    await expect(page.getByTestId("zero-total")).toHaveText("此订单应付 ¥0.00（代金券抵扣了全部金额），无需付款，服务已直接开通。");
    await expect(history(page).getByRole("listitem")).toHaveText([
      /待付款（下单）$/,
      /已付款（应付 ¥0.00，无需付款）$/,
      /已开通（服务已开通）$/,
    ]);
    await expect(order.payButton).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "查看已购服务" }).click();
    await expect(page.getByText("版本：专业版，1 个高级账号")).toBeVisible();
    expect(sandbox).toEqual([]);
  });

  test("an education order approved after 31 minutes in the queue is payable with a fresh 30-minute window", async ({
    page,
    buyer,
    operator: staff,
    order,
  }) => {
    test.slow();
    const institution = `第${randomUUID().slice(0, 4)}学院`;
    const wizard = new BuyWizard(page);
    await wizard.open("/buy?edition=education&seats=30&term=1y");
    await wizard.toAgreements();
    await wizard.acceptAgreements();
    await wizard.continue();
    await wizard.signUp({ ...buyer, name: "韩梅梅" });
    await expect(page).toHaveURL(/step=organisation/);
    await wizard.fillOrganisation({ organisation: institution, contact: "韩梅梅", mobile: "13800138000" });
    await page.getByLabel("机构名称").fill(institution);
    await page.getByLabel("机构类型").selectOption({ label: "高等院校" });
    await page.getByLabel("资质证明文件").setInputFiles({ name: "许可证.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.getByText("已上传：许可证.pdf")).toBeVisible();
    await wizard.continue();
    await wizard.placeOrder();
    const number = await new OrderPage(page).number();
    const orderUrl = page.url();
    await expect(badge(page)).toHaveText("订单状态: 审核中");
    await expect(page.getByText("审核通过后，您有 30 分钟完成付款；审核期间订单不会过期。")).toBeVisible();
    await expect(page.getByTestId("payment-countdown")).toHaveCount(0);

    // 31 minutes later the operator finds it waiting that long, and approves it.
    const operator = await staff.open("/operator/verifications");
    await operator.page.setExtraHTTPHeaders({ [TEST_NOW]: minutesOn(31) });
    await operator.page.reload();
    const item = operator.page.getByRole("article", { name: number });
    await expect(item.getByTestId("verification-waited")).toHaveText(/^3[12] 分钟$/);
    await expectAccessible(operator.page);
    await item.getByRole("button", { name: "批准" }).click();
    await expect(item).toHaveCount(0);
    await operator.close();

    // A minute after the approval: not expired, told it is approved, and the window runs from the approval.
    await page.setExtraHTTPHeaders({ [TEST_NOW]: minutesOn(32) });
    await page.goto(orderUrl);
    await expect(badge(page)).toHaveText("订单状态: 已通过审核 · 待付款");
    await expect(page.getByText(/^您的教育资质已于 .+ 通过审核，现在可以付款。$/)).toBeVisible();
    await expect(page.getByText("订单已过期")).toHaveCount(0);
    await expect(page.getByTestId("payment-countdown")).toHaveText(/^剩余 (28|29) 分 \d+ 秒$/);
    await expect(history(page)).toContainText("教育资质审核通过");
    await expectAccessible(page);
    await page.goto("/console/orders");
    await expect(page.getByRole("row", { name: new RegExp(number) })).toContainText("已通过审核 · 待付款");
    await page.goto(orderUrl);
    await order.startPayment();
    await expect(page).toHaveURL(/\/pay\/sandbox\//);
  });
});
