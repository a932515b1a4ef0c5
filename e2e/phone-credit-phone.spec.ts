import { expect, expectAccessible, test } from "./fixtures";
import { PhoneConsole } from "./pages/phone-console";

// The "phone" project (390×844): /console/phone of an organisation with credit fits the screen and passes axe.
test("a phone: /console/phone fits the screen and passes axe", async ({ page, buyer, wizard, order }) => {
  test.slow();
  await wizard.reachReview("/buy?edition=free&term=1y&add=phone-pack-20:1", buyer, {
    organisation: "窄屏科技",
    contact: "李雷",
    mobile: "13800138000",
  });
  await wizard.placeOrder();
  await order.startPayment();
  await order.sandbox("支付");
  await expect(page.getByText("已开通").first()).toBeVisible();
  const phone = new PhoneConsole(page);
  await phone.open();
  await expect(phone.balance).toHaveText("¥20.00");
  await page.waitForLoadState("load");
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBe(390);
  expect(scrollWidth, "/console/phone scrolls sideways").toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page);
});
