import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test } from "./fixtures";

const CART = { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [{ sku: "large-meeting-500", quantity: 1 }] };

test.describe("vouchers", () => {
  test("the price API answers 422 VOUCHER_UNKNOWN for a code that does not exist", async ({ request }) => {
    const response = await request.post("/api/v1/price", {
      headers: { "accept-language": "en" },
      data: { ...CART, voucher: "NO-SUCH-CODE" },
    });
    expect(response.status()).toBe(422);
    expect(await response.json()).toEqual({ errors: [{ code: "VOUCHER_UNKNOWN", path: "voucher", message: "There is no such voucher." }] });
  });

  test("an operator issues a 10% voucher; a buyer applies it at review and pays ¥47,239.20", async ({
    page,
    buyer,
    operator: staff,
    wizard,
    order,
  }) => {
    const code = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
    const operator = await staff.open("/operator/vouchers");
    await expect(operator.page.getByRole("heading", { name: "代金券", level: 1 })).toBeVisible();
    await operator.page.getByLabel("代码").fill(code);
    await operator.page.getByRole("radio", { name: "折扣券（百分比）" }).check();
    await operator.page.getByLabel("折扣（%）").fill("10");
    await operator.page.getByRole("button", { name: "创建" }).click();
    await expect(operator.page.getByRole("status")).toHaveText(`已创建代金券 ${code}。`);
    await expect(operator.page.getByRole("row", { name: new RegExp(code) })).toContainText("未使用");
    await expectAccessible(operator.page);

    // The public API applies it read-only: the checkout below can still redeem it.
    const priced = await page.request.post("/api/v1/price", {
      headers: { "accept-language": "en" },
      data: { ...CART, voucher: code.toLowerCase() },
    });
    expect(priced.status()).toBe(200);
    expect(await priced.json()).toMatchObject({
      subtotal: "52488.00",
      total: "47239.20",
      adjustments: [{ kind: "voucher", code, amount: "-5248.80", label: `Voucher ${code}` }],
    });

    await wizard.reachReview(
      "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1",
      { ...buyer, name: "券用户" },
      {
        organisation: "券试科技有限公司",
        contact: "券用户",
        mobile: "13700137000",
      },
    );

    await wizard.applyVoucher("NO-SUCH-CODE");
    await expect(page.getByText("没有这个代金券，请检查代码。")).toBeVisible();
    await wizard.applyVoucher(code.toLowerCase());
    await expect(page.getByText(`已使用代金券 ${code}`)).toBeVisible();
    // The voucher line shows in the review card and in the summary beside it (one total everywhere).
    await expect(page.getByText("¥52,488.00 × 10% = -¥5,248.80")).toHaveCount(2);
    for (const card of ["确认订单", "订单摘要"])
      await expect(page.getByRole("region", { name: card }).getByText("¥52,488.00 × 10% = -¥5,248.80")).toBeVisible();
    await expect(wizard.summaryTotal).toHaveText("¥47,239.20");
    await expect(wizard.reviewTotal).toHaveText("¥47,239.20");
    await expectAccessible(page);
    await wizard.placeOrder();
    await expect(order.total).toHaveText("¥47,239.20");
    await expect(page.getByText(`代金券 ${code}`)).toBeVisible();
    const number = await order.number();

    await operator.page.reload();
    await expect(operator.page.getByRole("row", { name: new RegExp(code) })).toContainText(`已用于订单 ${number}`);
    await operator.close();
  });
});
