import { expect, expectAccessible, test } from "./fixtures";
import { authoriseAndPay } from "./agreements";

// The platform's recurring-payment agreement end to end (issues 14 and 15 build on it): a payment started
// with an agreement asks the payer's consent on the sandbox's hosted page and creates the agreement; the
// payer is told in the inbox; cancelling it in the store cancels it at the provider.
const DESCRIPTION = "Quorum 个人会员 100 方，每月 ¥30.00 自动续费";

test("authorise automatic charges while paying, then cancel them in the store", async ({ page, buyer, wizard }) => {
  test.slow();
  await wizard.reachReview(
    "/buy?edition=business&seats=30&term=1y",
    { ...buyer, name: "授权人" },
    { organisation: "续费科技有限公司", contact: "授权人", mobile: "13700137001" },
  );
  await wizard.placeOrder();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  const orderId = new URL(page.url()).pathname.split("/").pop()!;

  // Started as the membership and auto-recharge flows start theirs (startOrderPayment with an agreement).
  const started = await page.request.post("/api/test/agreements/start-payment", {
    data: { orderId, agreement: { purpose: "membership", description: DESCRIPTION } },
  });
  expect(started.ok()).toBe(true);
  const { redirectUrl, paymentRef } = (await started.json()) as { redirectUrl: string; paymentRef: string };
  await page.goto(redirectUrl);

  // The consent: its text names what is authorised; paying without ticking it is refused by the form.
  const consent = page.getByRole("group", { name: "授权自动扣款" });
  await expect(consent).toContainText(DESCRIPTION);
  await expect(consent).toContainText("你可以随时在商店中取消授权");
  await expectAccessible(page);
  await page.getByRole("button", { name: "支付", exact: true }).click();
  await expect(page).toHaveURL(redirectUrl);
  expect(
    await page
      .getByRole("checkbox", { name: "我已阅读并同意上述自动扣款授权" })
      .evaluate((el: HTMLInputElement) => el.validity.valueMissing),
  ).toBe(true);
  await authoriseAndPay(page);
  await expect(page).toHaveURL(`/orders/${orderId}`);
  await expect(page.getByText("已开通").first()).toBeVisible();

  // The provider holds the agreement: its sandbox page, reached from the ended payment page.
  await page.goto(`/pay/sandbox/${paymentRef}`);
  await expect(page.getByText(/已创建自动扣款授权 sba_[0-9a-f]{32}。/)).toBeVisible();
  await page.getByRole("link", { name: "查看授权（沙箱）" }).click();
  await expect(page.getByRole("heading", { name: "沙箱扣款授权", level: 1 })).toBeVisible();
  const sandboxAgreementUrl = page.url();
  await expect(page.getByTestId("sandbox-agreement-status")).toHaveText("生效中");
  await expect(page.getByText(DESCRIPTION)).toBeVisible();
  // The developer control: the next 2 charges will fail.
  await page.getByLabel("让接下来的扣款失败的次数").fill("2");
  await page.getByRole("button", { name: "设置" }).click();
  await expect(page.getByRole("status")).toHaveText("接下来 2 次扣款会失败。");
  await expect(page.getByTestId("sandbox-agreement-fail-next")).toHaveText("2");
  await expectAccessible(page);

  // The payer was told, in the inbox; opening the notice leads to the agreements page and reads it.
  const inboxLink = page.getByRole("link", { name: /^通知\s*（1 条未读）$/ });
  await expect(inboxLink).toBeVisible();
  await inboxLink.click();
  await expect(page).toHaveURL("/inbox");
  await page.getByRole("link", { name: `你已授权自动扣款：${DESCRIPTION}。可随时在“自动扣款”中取消。` }).click();
  await expect(page).toHaveURL("/console/agreements");
  await expect(page.getByRole("link", { name: /^通知$/ })).toBeVisible();

  const row = page.getByTestId("agreement-row").filter({ hasText: DESCRIPTION });
  await expect(row.getByTestId("agreement-status")).toHaveText("生效中");
  await expect(row).toContainText("个人会员自动续费");
  await expectAccessible(page);
  await row.getByRole("button", { name: `取消授权：${DESCRIPTION}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "已取消授权" })).toHaveText(`已取消授权：${DESCRIPTION}。`);
  await expect(row.getByTestId("agreement-status")).toHaveText("已取消");

  // Cancelled at the provider too.
  await page.goto(sandboxAgreementUrl);
  await expect(page.getByTestId("sandbox-agreement-status")).toHaveText("已取消");
  // And the payer is told; the newest notice is on top.
  await page.goto("/inbox");
  await expect(page.getByTestId("inbox-item").first()).toContainText(`已取消自动扣款授权：${DESCRIPTION}。此后不再扣款。`);
  await expect(page.getByTestId("inbox-item")).toHaveCount(2);
});
