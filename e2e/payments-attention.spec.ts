import { randomUUID } from "node:crypto";
import { signedHeaders } from "@/lib/payments/signature";
import { sandboxSecret } from "@/lib/payments/sandbox/secret";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";

// The e2e server's sandbox secret: derived from its DATA_DIR (playwright.config.ts), as the server derives it.
const secret = sandboxSecret({ DATA_DIR: "test-results/e2e-data", SANDBOX_PAYMENT_SECRET: undefined });

test.describe("payments needing attention (issue 11, item 2)", () => {
  test("a payment for the wrong amount leaves the order unfulfilled; the operator sees it in both languages and refunds it", async ({
    page,
    buyer,
    wizard,
    order,
    operator,
    request,
  }) => {
    test.slow();
    await wizard.reachReview(
      "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1",
      { ...buyer, name: "付款人" },
      { organisation: "错额科技有限公司", contact: "付款人", mobile: "13700137000" },
    );
    await wizard.placeOrder();
    await expect(page).toHaveURL(/\/orders\//);
    const orderUrl = page.url();
    const number = await order.number();
    await order.startPayment();
    await expect(page).toHaveURL(/\/pay\/sandbox\/sbp_[0-9a-f]{32}$/);
    const paymentRef = new URL(page.url()).pathname.split("/").pop()!;

    // The gateway notifies, correctly signed, that it took ¥1.00 for a ¥52,488.00 order.
    const rawBody = JSON.stringify({ notificationId: randomUUID(), paymentRef, status: "succeeded", amount: "1.00" });
    const response = await request.post("/api/payments/sandbox/notify", {
      headers: signedHeaders({ secret, rawBody, now: new Date() }),
      data: rawBody,
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, fulfilment: { ok: false, error: "AMOUNT_MISMATCH" } });

    // The buyer's order is not fulfilled.
    await page.goto(orderUrl);
    await expect(page.getByText("待付款").first()).toBeVisible();
    await expect(page.getByText("已开通")).toHaveCount(0);

    // The operator finds it from the operator nav, in Chinese…
    const { page: ops } = await operator.open("/operator/verifications");
    await ops.getByRole("link", { name: "待处理的付款" }).click();
    await expect(ops).toHaveURL(/\/operator\/payments$/);
    await expect(ops.getByRole("heading", { level: 1, name: "待处理的付款" })).toBeVisible();
    const row = ops.getByRole("row").filter({ hasText: number });
    await expect(row.getByRole("rowheader")).toHaveText(number);
    await expect(row.getByRole("cell", { name: "¥52,488.00" })).toBeVisible();
    await expect(row.getByRole("cell", { name: "¥1.00", exact: true })).toBeVisible();
    await expect(row.getByRole("cell", { name: "金额不符" })).toBeVisible();
    await expect(row.getByRole("button", { name: `为订单 ${number} 退款 ¥1.00` })).toBeVisible();
    await expectAccessible(ops);

    // …and in English, where it refunds it.
    await useEnglish(ops);
    await ops.reload();
    await expect(ops.getByRole("heading", { level: 1, name: "Payments needing attention" })).toBeVisible();
    const enRow = ops.getByRole("row").filter({ hasText: number });
    await expect(enRow.getByRole("cell", { name: "Wrong amount" })).toBeVisible();
    await expect(enRow.getByRole("cell", { name: "¥52,488.00" })).toBeVisible();
    await expect(enRow.getByRole("cell", { name: "¥1.00", exact: true })).toBeVisible();
    await expectAccessible(ops);
    await enRow.getByRole("button", { name: `Refund ¥1.00 for order ${number}` }).click();
    await expect(ops.getByRole("status").filter({ hasText: `Order ${number}: ¥1.00 refunded.` })).toBeVisible();
    await expect(ops.getByRole("row").filter({ hasText: number })).toHaveCount(0);

    // Refunded at the gateway too: its hosted page can no longer take this payment.
    await page.goto(`/pay/sandbox/${paymentRef}`);
    await expect(page.getByText("已退款")).toBeVisible();
  });
});
