import { expect, expectAccessible, test } from "./fixtures";
import { addNotice } from "./inbox";

// Runs in the "phone" project only (390×844): the header's inbox link with its count and the inbox fit the screen.
test("the inbox on a phone", async ({ page, signedInBuyer: _signedUp }) => {
  await addNotice(page.request, {
    messageKey: "PlatformAgreements.inbox.created",
    params: { description: "Quorum 个人会员 100 方，每月 ¥30.00 自动续费（长描述用于检查换行）" },
    href: "/console/agreements",
  });
  await addNotice(page.request, { messageKey: "PlatformAgreements.inbox.cancelled", params: { description: "通话额度自动充值" } });
  await page.goto("/pricing");
  const link = page.getByRole("link", { name: /^通知\s*（2 条未读）$/ });
  await expect(link).toBeVisible();
  await link.click();
  await expect(page.getByTestId("inbox-item")).toHaveCount(2);
  await page.waitForLoadState("load");
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBe(390);
  expect(scrollWidth, "the inbox scrolls sideways").toBeLessThanOrEqual(clientWidth);
  await expectAccessible(page);
  await page.goto("/console/agreements");
  await expect(page.getByText("你没有自动扣款授权。")).toBeVisible();
  await expectAccessible(page);
});
