import { expect, expectAccessible, test } from "./fixtures";
import { BuyWizard, OrderPage } from "./pages/wizard";

// Runs in the "phone" project only (390×844, touch): the refund preview fits the screen and passes axe.

test("a phone: the refund preview of a paid business order fits the screen and passes axe", async ({ page, buyer }) => {
  test.slow();
  const wizard = new BuyWizard(page);
  await wizard.reachReview("/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1", buyer, {
    organisation: "手机退款科技",
    contact: "退款人",
    mobile: "13700137002",
  });
  await wizard.placeOrder();
  const order = new OrderPage(page);
  await order.startPayment();
  await order.sandbox("支付");
  const section = page.getByRole("region", { name: "申请退款" });
  await expect(section.getByTestId("refund-amount")).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBe(390);
  expect(scrollWidth, "the order page scrolls sideways").toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page);
});
