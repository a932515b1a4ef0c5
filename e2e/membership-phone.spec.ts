import { expect, test } from "./fixtures";

// The membership page on a phone (390×844): nothing scrolls sideways, every form's pay button is reachable.
test("/membership fits a phone", async ({ page, signedInBuyer }) => {
  void signedInBuyer;
  await page.goto("/membership");
  for (const name of ["开通或续费", "赠送会员", "我的手机号"]) await expect(page.getByRole("region", { name })).toBeVisible();
  await page.getByRole("button", { name: "确认协议并支付 ¥30.00" }).scrollIntoViewIfNeeded();
  await expect(page.getByRole("button", { name: "确认协议并支付 ¥30.00" })).toBeInViewport();
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, "/membership scrolls sideways").toBeLessThanOrEqual(clientWidth);
});
