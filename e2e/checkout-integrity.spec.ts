import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

const ORG = { organisation: "杭州示例科技有限公司", contact: "李雷", mobile: "13800138000" };

/** Types `text` into a number field with the keyboard, as a buyer does: focus, select what is there, key by key. */
async function typeInto(field: Locator, text: string) {
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.pressSequentially(text);
}

/** The order numbers listed at /console/orders. */
async function orderNumbers(page: Page) {
  await page.goto("/console/orders");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return page.getByRole("main").getByRole("link", { name: /^Q\d{8}-[A-Z0-9]{6}$/ });
}

test.describe("typed quantities (issue 10, item 1)", () => {
  for (const viewport of [
    { width: 1366, height: 900 },
    { width: 390, height: 844 },
  ]) {
    test(`typing 10 into Rooms gives 10 Rooms and keeps focus at ${viewport.width} px`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto("/buy?edition=free&term=1y&step=addons");
      const rooms = page.getByRole("spinbutton", { name: "会议室 Rooms数量" });
      await expect(rooms).toHaveValue("0");
      await typeInto(rooms, "10");
      await expect(rooms).toHaveValue("10");
      await expect(rooms).toBeFocused();
      await expect(page).toHaveURL(/add=rooms%3A10(&|$)/);
      await expect(page.getByTestId("summary-total")).toHaveText("¥35,000.00");
      // The stepper goes on from the typed figure.
      await page.getByRole("button", { name: "增加会议室 Rooms数量" }).click();
      await expect(rooms).toHaveValue("11");
      await expect(page.getByTestId("summary-total")).toHaveText("¥38,500.00");
      // A field emptied while typing commits nothing; leaving it shows the committed figure again.
      await rooms.click();
      await rooms.press("ControlOrMeta+a");
      await rooms.press("Backspace");
      await expect(rooms).toHaveValue("");
      await expect(page.getByTestId("summary-total")).toHaveText("¥38,500.00");
      await rooms.press("Tab");
      await expect(rooms).toHaveValue("11");
      await expectAccessible(page);
    });
  }

  test("typing seats in English keeps every digit", async ({ page }) => {
    await useEnglish(page);
    await page.goto("/buy?edition=business&seats=6&term=1y");
    const seats = page.getByRole("spinbutton", { name: "Premium accounts" });
    await typeInto(seats, "30");
    await expect(seats).toHaveValue("30");
    await expect(seats).toBeFocused();
    await expect(page.getByTestId("summary-total")).toHaveText("¥41,700.00");
    await page.getByRole("button", { name: "Decrease Premium accounts" }).click();
    await expect(seats).toHaveValue("29");
  });

  test("the quote builder takes typed seats, a negotiated seat price and a discount", async ({ salesRep: sales }) => {
    const { page } = sales;
    await page.getByRole("radio", { name: /^企业版/ }).check();
    const seats = page.getByRole("spinbutton", { name: "高级账号数量" });
    await typeInto(seats, "300");
    await expect(seats).toHaveValue("300");
    await expect(seats).toBeFocused();
    const seatPrice = page.getByLabel("协议价（每账号每年，元）");
    await typeInto(seatPrice, "1000");
    await expect(seatPrice).toHaveValue("1000");
    await expect(seatPrice).toBeFocused();
    await expect(page.getByTestId("summary-total")).toHaveText("¥300,000.00");
    const discount = page.getByLabel("折扣（%）");
    await typeInto(discount, "12.5");
    await expect(discount).toHaveValue("12.5");
    await expect(discount).toBeFocused();
    await expect(page.getByTestId("summary-total")).toHaveText("¥262,500.00");
  });

  test("the operator's voucher form takes typed amounts", async ({ operator: staff }) => {
    const { page } = await staff.open("/operator/vouchers");
    const amount = page.getByLabel("抵扣金额（元）");
    await typeInto(amount, "1200.50");
    await expect(amount).toHaveValue("1200.50");
    await expect(amount).toBeFocused();
    const minimum = page.getByLabel("最低消费（元，可选）");
    await typeInto(minimum, "5000");
    await expect(minimum).toHaveValue("5000");
    await expect(minimum).toBeFocused();
    await expect(amount).toHaveValue("1200.50");
  });
});

test.describe("a refresh never doubles an order (issue 10, item 2)", () => {
  const LINK = "/buy?edition=business&seats=6&term=1y";

  test("a refresh while the order is being placed lands on that order, and only one exists", async ({ page, buyer, wizard, order }) => {
    test.slow();
    await wizard.reachReview(LINK, buyer, ORG);
    // The order is stored, but the answer never reaches this page: the buyer refreshes first.
    let placed!: () => void;
    const stored = new Promise<void>((resolve) => (placed = resolve));
    await page.route(
      (url) => url.pathname === "/buy",
      async (route) => {
        if (route.request().method() !== "POST") return route.fallback();
        await route.fetch();
        placed();
        await route.abort();
      },
    );
    await wizard.placeOrderButton.click();
    await stored;
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.reload();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
    const number = await order.number();
    const numbers = await orderNumbers(page);
    await expect(numbers).toHaveCount(1);
    await expect(numbers).toHaveText([number]);
  });

  test("a refresh after the order is placed, before its page opens, lands on it; Back offers no second order", async ({
    page,
    buyer,
    wizard,
  }) => {
    test.slow();
    await wizard.reachReview(LINK, buyer, ORG);
    // Hold the order page (never answered) so the refresh comes between the answer and the navigation.
    await page.route(/\/orders\//, () => {});
    await wizard.placeOrderButton.click();
    await expect(page.getByRole("status").filter({ hasText: "订单已提交" })).toBeVisible();
    await expect(wizard.placeOrderButton).toHaveCount(0);
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.reload();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Q\d{8}-/);
    const numbers = await orderNumbers(page);
    await expect(numbers).toHaveCount(1);
    // Back to the cart: the wizard says this cart was ordered and links to it.
    await page.goto(LINK);
    await expect(page.getByRole("status").filter({ hasText: "您已为这个购物车提交过订单。" })).toBeVisible();
    await expectAccessible(page);
  });

  test("a refresh on the review step keeps the agreements ticked (English)", async ({ page, buyer }) => {
    test.slow();
    await useEnglish(page);
    const wizard = new BuyWizard(page, "en");
    await wizard.reachReview(LINK, buyer, { organisation: "Acme Ltd", contact: "Li Lei", mobile: "13800138000" });
    await page.reload();
    await wizard.expectReview();
    await expect(wizard.placeOrderButton).toBeEnabled();
    await wizard.stepButton("4. Agreements").click();
    const boxes = page.getByRole("checkbox");
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) await expect(box).toBeChecked();
  });
});

test.describe("the cart survives edition switches (issue 10, item 4)", () => {
  test("business 30 → pro → business is 30 again", async ({ page }) => {
    await page.goto("/buy?edition=business&seats=6&term=1y");
    const seats = page.getByRole("spinbutton", { name: "高级账号数量" });
    await typeInto(seats, "30");
    await expect(seats).toHaveValue("30");
    await page.getByRole("radio", { name: /^专业版/ }).check();
    await expect(seats).toHaveValue("5");
    await page.getByRole("radio", { name: /^商业版/ }).check();
    await expect(seats).toHaveValue("30");
    await expect(page.getByTestId("summary-total")).toHaveText("¥41,700.00");
    // It is remembered across a refresh too.
    await page.reload();
    await page.getByRole("radio", { name: /^专业版/ }).check();
    await page.getByRole("radio", { name: /^商业版/ }).check();
    await expect(seats).toHaveValue("30");
  });
});
