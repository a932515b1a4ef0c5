import { expect, expectAccessible, test, useEnglish } from "./fixtures";
import { addNotice } from "./inbox";
import { later } from "./jobs";

// The in-app inbox. The agreement journey (agreements.spec.ts) makes its notices through a real flow; here the
// test-only route calls `notify` directly (QUORUM_TEST_CLOCK=1 servers only), to page through many and read them.
const created = (description: string) => ({ messageKey: "PlatformAgreements.inbox.created", params: { description } });

test("newest first, 20 a page, in the reader's language; opening one and 'mark all' read them", async ({
  page,
  signedInBuyer: _signedUp,
}) => {
  await useEnglish(page);
  for (let i = 1; i <= 22; i++) await addNotice(page.request, { ...created(`plan ${i}`), now: later({ minutes: i }) });
  // A repeated dedupe key adds nothing.
  await addNotice(page.request, { ...created("plan 22"), href: "/console/services", dedupeKey: "e2e:once", now: later({ minutes: 30 }) });
  expect(await addNotice(page.request, { ...created("plan 22"), dedupeKey: "e2e:once" })).toBeUndefined();
  // A key the messages do not hold is a generic notice, never the raw key.
  await addNotice(page.request, { messageKey: "Gone.away", now: later({ minutes: 40 }) });

  await page.goto("/pricing");
  const inbox = page.getByRole("link", { name: /^Notifications\s*\(24 unread\)$/ });
  await expect(inbox).toBeVisible();
  await inbox.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByText("24 unread notifications.")).toBeVisible();
  const items = page.getByTestId("inbox-item");
  await expect(items).toHaveCount(20);
  await expect(items.nth(0)).toContainText("You have a notification.");
  await expect(items.nth(0)).not.toContainText("Gone.away");
  await expect(items.nth(1)).toContainText("You authorised automatic charges: plan 22.");
  await expect(items.nth(2)).toContainText("You authorised automatic charges: plan 22.");
  await expect(items.nth(3)).toContainText("plan 21.");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Older notifications" }).click();
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText("plan 4.");
  await expect(items.nth(3)).toContainText("plan 1.");
  await expect(page.getByRole("link", { name: "Older notifications" })).toHaveCount(0);
  await page.getByRole("link", { name: "Back to newest" }).click();
  await expect(page).toHaveURL("/inbox");
  await expect(items).toHaveCount(20);

  // Opening a notice reads it and goes to its link.
  await items.nth(1).getByRole("link").click();
  await expect(page).toHaveURL("/console/services");
  await expect(page.getByRole("link", { name: /^Notifications\s*\(23 unread\)$/ })).toBeVisible();
  await page.goto("/inbox");
  await expect(items.nth(1)).toContainText("Read");
  // Mark one, then all.
  await items
    .nth(0)
    .getByRole("button", { name: /^Mark as read: the notification of / })
    .click();
  await expect(page.getByText("22 unread notifications.")).toBeVisible();
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("No unread notifications.")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Notifications$/ })).toBeVisible();
  await expectAccessible(page);
});

test("in Chinese, and the inbox needs a signed-in reader", async ({ page, signedInBuyer: _signedUp, newSession }) => {
  await addNotice(page.request, created("会员每月续费"));
  await page.goto("/inbox");
  await expect(page.getByRole("link", { name: /^通知\s*（1 条未读）$/ })).toBeVisible();
  await expect(page.getByText("1 条未读通知。")).toBeVisible();
  await expect(page.getByTestId("inbox-item")).toContainText("你已授权自动扣款：会员每月续费。可随时在“自动扣款”中取消。");
  await expectAccessible(page);
  // Someone else sees nothing of it; a visitor signs in first.
  const other = await newSession();
  await other.page.goto("/inbox");
  await expect(other.page).toHaveURL(/\/sign-in\?next=%2Finbox/);
  await other.close();
});
