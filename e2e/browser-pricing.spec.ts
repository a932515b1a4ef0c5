import fc from "fast-check";
import { encodeCart } from "@/lib/cart/url";
import { formatMoney } from "@/lib/money";
import { cartArb } from "@/lib/testing/arbitraries";
import { expect, test } from "./fixtures";

declare global {
  interface Window {
    next?: { router: { push(href: string): void } };
    localeScans?: number;
  }
}

test("random carts priced by the browser bundle match the pricing API", async ({ page, request }) => {
  const carts = fc.sample(cartArb(10), { numRuns: 25, seed: 20261122 });
  await page.goto("/buy");
  await page.waitForFunction(() => Boolean(window.next?.router));
  for (const cart of carts) {
    const query = encodeCart(cart);
    // A client-side navigation: the configurator prices the new cart in the browser, not on the server.
    await page.evaluate((q) => window.next!.router.push(`/buy?${q}`), query);
    await page.waitForURL((url) => url.search === `?${query}`);
    const api = await request.post("/api/v1/price", { data: cart });
    const body = await api.json();
    const summary = page.getByRole("region", { name: "订单摘要" });
    if (api.status() === 200) {
      await expect(page.getByTestId("summary-total"), query).toHaveText(formatMoney(body.total));
      await expect(summary.locator("li p"), query).toHaveText(body.lines.map((l: { formula: string }) => l.formula));
    } else {
      expect(api.status()).toBe(422);
      await expect(summary.getByRole("status"), query).toHaveText(`有 ${body.errors.length} 个问题需要处理`);
    }
  }
});

test("the wizard formats its messages without asking ICU for every locale it has (messages are precompiled: next.config.js)", async ({
  page,
}) => {
  await page.addInitScript(() => {
    window.localeScans = 0;
    const supportedLocalesOf = Intl.NumberFormat.supportedLocalesOf.bind(Intl.NumberFormat);
    Intl.NumberFormat.supportedLocalesOf = (...args) => {
      window.localeScans = (window.localeScans ?? 0) + 1;
      return supportedLocalesOf(...args);
    };
  });
  await page.goto("/buy?edition=business&seats=30&term=1y");
  const total = page.getByTestId("summary-total");
  const before = await total.textContent();
  // Typed, so the configurator and its summary render again in the browser, with their translated messages.
  await page.getByRole("spinbutton", { name: "高级账号数量" }).fill("31");
  await expect(total).not.toHaveText(before ?? "");
  await expect(page.getByRole("region", { name: "订单摘要" })).toContainText("31");
  expect(await page.evaluate(() => window.localeScans)).toBe(0);
});
