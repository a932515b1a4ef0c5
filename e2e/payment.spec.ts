import { expect, expectAccessible, test, type Account } from "./fixtures";
import type { BuyWizard } from "./pages/wizard";

/** The business example ordered by a new buyer; ends on its order page. */
async function placeBusinessOrder(wizard: BuyWizard, buyer: Account) {
  await wizard.reachReview(
    "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1",
    { ...buyer, name: "付款人" },
    {
      organisation: "云付科技有限公司",
      contact: "付款人",
      mobile: "13700137000",
    },
  );
  await wizard.placeOrder();
}

test.describe("payment in the sandbox", () => {
  test("the business example is paid, fulfilled and its services run one year", async ({ page, buyer, wizard, order }) => {
    await placeBusinessOrder(wizard, buyer);
    await order.startPayment();
    await expect(page).toHaveURL(/\/pay\/sandbox\//);
    await expect(page.getByText("¥52,488.00")).toBeVisible();
    await expectAccessible(page);
    const paidAt = new Date();
    await order.sandbox("支付");
    await expect(page).toHaveURL(/\/orders\//);
    await expect(page.getByText("已开通").first()).toBeVisible();
    await expect(order.total).toHaveText("¥52,488.00");
    await page.getByRole("link", { name: "查看已购服务" }).click();
    await expect(page.getByText("版本：商业版，30 个高级账号")).toBeVisible();
    const expiry = new Date(paidAt);
    expiry.setUTCFullYear(expiry.getUTCFullYear() + 1);
    const day = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(expiry);
    await expect(page.getByTestId("expires-business")).toHaveText(day);
    await expect(page.getByTestId("expires-large-meeting-500")).toHaveText(day);
    await expectAccessible(page);
  });

  for (const [choice, label] of [
    ["fail", "模拟失败"],
    ["cancel", "取消"],
  ] as const) {
    test(`a ${choice}ed payment leaves the order payable, with a clear page`, async ({ page, buyer, wizard, order }) => {
      await placeBusinessOrder(wizard, buyer);
      await order.startPayment();
      await order.sandbox(label);
      await expect(page).toHaveURL(/\/orders\//);
      await expect(page.getByText("上次付款未成功（失败或已取消），您可以重新付款。")).toBeVisible();
      await expect(page.getByText("待付款").first()).toBeVisible();
      // Paying again works.
      await order.startPayment();
      await order.sandbox("支付");
      await expect(page.getByText("已开通").first()).toBeVisible();
    });
  }

  test("an unpaid order expires after 30 minutes and can be started again from its cart", async ({ page, buyer, wizard, order }) => {
    await placeBusinessOrder(wizard, buyer);
    const orderUrl = page.url();
    // The e2e server accepts a moved clock per request (QUORUM_TEST_CLOCK=1); 31 minutes on.
    await page.setExtraHTTPHeaders({ "x-quorum-test-now": new Date(Date.now() + 31 * 60_000).toISOString() });
    await page.goto(orderUrl);
    await expect(page.getByText("已过期").first()).toBeVisible();
    await expect(page.getByText("订单已过期（30 分钟内未付款）。")).toBeVisible();
    await expect(order.payButton).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("link", { name: "按原配置重新下单" }).click();
    await expect(page).toHaveURL(/\/buy\?edition=business&seats=30&term=1y&add=large-meeting-500/);
    await expect(page.getByTestId("summary-total")).toHaveText("¥52,488.00");
  });
});
