import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { currentUserId, later, runJob } from "./jobs";
import { ServicesPage } from "./pages/services";
import type { OrderPage, Organisation } from "./pages/wizard";

const STAR_RIVER: Organisation = { organisation: "星河科技有限公司", contact: "李雷", mobile: "13800138000" };
// Business × 30 for a year with one 500-person large meeting, and 100G of recording for 6 months (ending before the seats).
const BUSINESS = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1&add=recording-100g:1:6m";
const TEST_NOW = "x-quorum-test-now";

/** Fails on any element given a role ARIA does not allow it, or a list item outside a list, whatever axe's impact. */
async function expectAllowedRoles(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withRules(["aria-allowed-role", "listitem", "list"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Pays the order on its page in the sandbox and waits until it is fulfilled. */
async function pay(page: Page, order: OrderPage) {
  await order.startPayment();
  await order.sandbox("支付");
  await expect(page.getByText("已开通").first()).toBeVisible();
}

test.describe("after the purchase: add, raise, renew, schedule (issue 12)", () => {
  test("a business organisation adds a large meeting, raises recording, renews aligned and schedules next term with fewer seats", async ({
    page,
    buyer,
    wizard,
    order,
  }) => {
    test.slow();
    await wizard.reachReview(BUSINESS, buyer, STAR_RIVER);
    await wizard.placeOrder();
    await pay(page, order);
    const services = new ServicesPage(page);

    // 90 days on (the e2e server takes the clock from a header): one more large meeting, ending with the held one.
    await page.setExtraHTTPHeaders({ [TEST_NOW]: later({ days: 90 }) });
    await services.open();
    await expectAccessible(page);
    await services.choose("增加容量");
    await page.getByLabel("项目", { exact: true }).selectOption({ label: "大型会议（500人）" });
    await page.getByLabel("数量", { exact: true }).fill("1");
    await expect(services.preview).toContainText("÷ 365 = ");
    await expect(services.preview).toContainText("按分四舍五入一次");
    await services.order();
    await pay(page, order);
    await services.open();
    await expect(page.getByTestId("expires-large-meeting-500")).toHaveCount(2);
    const [first, second] = await page.getByTestId("expires-large-meeting-500").allTextContents();
    expect(first).toBe(second);

    // Raise recording 100G → 200G: monthly prices over 365/12, keeping its expiry.
    const recordingExpiry = await services.expires("recording-100g").textContent();
    await services.choose("升级规格");
    await page.getByLabel("要升级的项目", { exact: true }).selectOption({ label: "云录制存储空间（100G） × 1" });
    await expect(page.getByLabel("升级为", { exact: true })).toHaveValue("recording-200g");
    await expect(services.preview).toContainText("(365/12)");
    await services.order();
    await pay(page, order);
    await services.open();
    await expect(services.expires("recording-200g")).toHaveText(recordingExpiry!);

    // Renew everything aligned to the seats: the recording now ends with them.
    const seatsExpiry = await services.expires("business").textContent();
    await expect(page.getByTestId("calendar-recording-200g")).toContainText("今天对齐到高级账号到期日");
    await services.choose("续费并对齐高级账号到期日");
    await expect(services.preview).toContainText("云录制存储空间（200G）");
    await services.order();
    await pay(page, order);
    await services.open();
    await expect(services.expires("recording-200g")).toHaveText(seatsExpiry!);

    // 340 days on, the reminder shows; schedule next term with fewer seats (20), paid now.
    await page.setExtraHTTPHeaders({ [TEST_NOW]: later({ days: 340 }) });
    await services.open();
    await expect(page.getByTestId("renewal-reminder")).toContainText("到期前 30 天提醒");
    await services.choose("预约下一期（变更续费）");
    await page.getByLabel("下一期高级账号数", { exact: true }).fill("20");
    await expect(services.preview).toContainText("生效期");
    await services.order();
    await pay(page, order);

    // While it is pending, every other change is refused, saying why; the pending change is shown.
    await services.open();
    await expect(page.getByTestId("pending-scheduled")).toContainText("预约续费待生效");
    await services.choose("增加容量");
    await expect(services.errors).toContainText("有一项预约续费待生效");
    // The refusal is a list inside the alert (a <ul role="alert"> is no list, and Lighthouse counts even minor roles).
    await expectAccessible(page);
    await expectAllowedRoles(page);
    await expect(page.getByRole("button", { name: "下单" })).toHaveCount(0);

    // The clock passes the seats' expiry: the job puts the renewal into effect (for this buyer's records only).
    const when = later({ days: 400 });
    expect(
      await runJob(page.request, "services.apply-scheduled", { now: when, only: { userId: await currentUserId(page.request) } }),
    ).toEqual({
      applied: 1,
    });
    await page.setExtraHTTPHeaders({ [TEST_NOW]: when });
    await services.open();
    await expect(page.getByText("版本：商业版，20 个高级账号")).toBeVisible();
    await expect(page.getByTestId("pending-scheduled")).toHaveCount(0);
  });

  test("a pending scheduled renewal can be seen and cancelled (refunded) before it takes effect", async ({
    page,
    buyer,
    wizard,
    order,
  }) => {
    test.slow();
    await wizard.reachReview("/buy?edition=business&seats=10&term=1y", buyer, STAR_RIVER);
    await wizard.placeOrder();
    await pay(page, order);
    const services = new ServicesPage(page);
    await page.setExtraHTTPHeaders({ [TEST_NOW]: later({ days: 360 }) });
    await services.open();
    await expect(page.getByTestId("renewal-reminder")).toContainText("到期前 7 天提醒");
    await services.choose("预约下一期（变更续费）");
    // Next term's cart is checked by the purchase rules as it is typed: 300 is past business's range.
    await page.getByLabel("下一期高级账号数", { exact: true }).fill("300");
    await expect(services.errors).toContainText("255");
    await page.getByLabel("下一期高级账号数", { exact: true }).fill("6");
    const paid = await services.order();
    expect(paid).toBe("¥8,340.00"); // 6 × ¥1,390
    const scheduledOrder = page.url();
    await pay(page, order);
    await services.open();
    await expect(page.getByTestId("pending-scheduled")).toBeVisible();
    await page.getByRole("button", { name: "取消预约续费并退款" }).click();
    // Cancelled: the page (revalidated) no longer shows it, and its order is refunded through the provider.
    await expect(page.getByTestId("pending-scheduled")).toHaveCount(0);
    await page.goto(scheduledOrder);
    await expect(page.getByTestId("order-status")).toContainText("已退款");
    // Changes can be ordered again.
    await services.open();
    await services.choose("增加容量");
    await page.getByLabel("项目", { exact: true }).selectOption({ label: "商业版" });
    await expect(services.total).toBeVisible();
    await expect(services.errors).toHaveCount(0);
  });
});
