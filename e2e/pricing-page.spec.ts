import { catalog } from "../lib/catalog";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";

// Issue 10, item 15: the pricing page names exact savings, why an edition is highlighted, compares
// features and 1–3 year totals, and /buy shows each edition's price. Expected figures are computed
// here from the catalog (integer fen, percent rounded half-up), never copied from the page.

const fen = (amount: string) => Math.round(Number(amount) * 100);
const yuan = (f: number, compact = false) =>
  `¥${(f / 100).toLocaleString("en-US", { minimumFractionDigits: compact && f % 100 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;
const selfServe = catalog.editions.filter((e) => e.sales === "self-serve");

/** Twelve months' price minus the year's, and that as a whole percent of twelve months, half-up. */
function saving(year: string, month: string) {
  const twelve = 12 * fen(month);
  const saved = twelve - fen(year);
  return { amount: yuan(saved), percent: Math.floor((200 * saved + twelve) / (2 * twelve)) };
}

test.describe("/pricing sells", () => {
  test("each edition's yearly saving is exact per seat per year, rounded correctly (Pro: 15.99% is 16%)", async ({ page }) => {
    await page.goto("/pricing");
    for (const e of selfServe) {
      const s = saving(e.prices.year!, e.prices.month!);
      await expect(page.getByRole("article", { name: e.name["zh-CN"], exact: true })).toContainText(
        `按年购买每席每年省 ${s.amount}（比按月付费少 ${s.percent}%）`,
      );
    }
    const pro = catalog.editions.find((e) => e.id === "pro")!;
    expect(saving(pro.prices.year!, pro.prices.month!).percent).toBe(16);
    await expect(page.getByRole("article", { name: "专业版" })).not.toContainText("15%");
    await page.getByRole("link", { name: "按月" }).click();
    const s = saving(pro.prices.year!, pro.prices.month!);
    await expect(page.getByRole("article", { name: "专业版" })).toContainText(`改为按年购买，每席每年省 ${s.amount}（${s.percent}%）`);
  });

  test("in English too, and the highlighted edition says why", async ({ page }) => {
    await useEnglish(page);
    await page.goto("/pricing");
    for (const e of selfServe) {
      const s = saving(e.prices.year!, e.prices.month!);
      await expect(page.getByRole("article", { name: e.name.en, exact: true })).toContainText(
        `Yearly saves ${s.amount} per seat per year (${s.percent}% less than paying monthly)`,
      );
    }
    const highlighted = catalog.editions.find((e) => e.highlight)!;
    const card = page.getByRole("article", { name: highlighted.name.en });
    await expect(card).toContainText("Recommended");
    await expect(card).toContainText(highlighted.highlight!.en);
    await expect(card).toHaveAccessibleDescription(`Recommended ${highlighted.highlight!.en}`);
    await expectAccessible(page);
  });

  test("a feature comparison from the catalog: every edition a column, every comparison row", async ({ page }) => {
    await page.goto("/pricing");
    const table = page.getByRole("table", { name: "版本功能对比" });
    for (const e of catalog.editions) await expect(table.getByRole("columnheader", { name: e.name["zh-CN"], exact: true })).toBeVisible();
    const size = table.getByRole("row", { name: /^会议规模/ });
    await expect(size.getByRole("cell")).toHaveText(catalog.editions.map((e) => `${e.meetingSize} 人`));
    for (const row of catalog.comparison) {
      const cells = table.getByRole("row", { name: new RegExp(`^${row.label["zh-CN"]}`) }).getByRole("cell");
      await expect(cells).toHaveText(
        catalog.editions.map((e) => {
          const v = row.values[e.id];
          return typeof v === "boolean" ? (v ? "✓ 含" : "— 不含") : v["zh-CN"];
        }),
      );
    }
    // Add-on availability is the catalog's: MRA is sold with Business, not with Pro.
    const mra = table.getByRole("row", { name: /^可加购会议室连接器 MRA/ }).getByRole("cell");
    await expect(mra).toHaveText(
      catalog.editions.map((e) => (catalog.addons.find((a) => a.sku === "mra")!.editions.includes(e.id) ? "✓ 含" : "— 不含")),
    );
    await expectAccessible(page);
  });

  test("1–3 year totals side by side match POST /api/v1/price for the same carts, also for a typed seat count", async ({ page }) => {
    await page.goto("/pricing");
    const table = page.getByRole("table", { name: "1–3 年总价对比" });
    const check = async (seatsFor: (e: (typeof selfServe)[number]) => number) => {
      for (const e of selfServe) {
        for (const years of [1, 2, 3]) {
          const cart = { edition: e.id, seats: seatsFor(e), term: { unit: "year", count: years }, addons: [] };
          const response = await page.request.post("/api/v1/price", { data: cart });
          expect(response.status()).toBe(200);
          const { total } = (await response.json()) as { total: string };
          expect(fen(total)).toBe(years * cart.seats * fen(e.prices.year!));
          const cell = table.getByTestId(`term-total-${e.id}-${years}`);
          await expect(cell).toHaveText(yuan(fen(total)));
          await expect(cell.getByRole("link")).toHaveAttribute("href", `/buy?edition=${e.id}&seats=${cart.seats}&term=${years}y`);
        }
      }
    };
    await check((e) => e.seats!.min);
    // The buyer types 30 seats: Business and Education at 30, Pro (1–5) stays at its own range and says so.
    await page.getByRole("spinbutton", { name: "高级账号数" }).fill("");
    await page.getByRole("spinbutton", { name: "高级账号数" }).pressSequentially("30");
    await page.getByRole("spinbutton", { name: "高级账号数" }).press("Enter");
    await expect(page).toHaveURL(/seats=30/);
    await check((e) => (30 >= e.seats!.min && 30 <= (e.seats!.max ?? Infinity) ? 30 : e.seats!.min));
    await expect(table.getByRole("row", { name: /^专业版/ })).toContainText("该版本可购 1–5 个");
    await expectAccessible(page);
  });

  test("/buy shows each edition's price beside its choice", async ({ page }) => {
    await page.goto("/buy?edition=business&seats=6&term=1y");
    for (const e of selfServe) {
      const price = `${yuan(fen(e.prices.year!), true)}/席/年 · ${yuan(fen(e.prices.month!), true)}/席/月`;
      await expect(page.getByRole("radio", { name: new RegExp(`^${e.name["zh-CN"]}`) })).toBeVisible();
      await expect(
        page.locator("label").filter({ has: page.getByRole("radio", { name: new RegExp(`^${e.name["zh-CN"]}`) }) }),
      ).toContainText(price);
    }
    await expect(page.locator("label").filter({ has: page.getByRole("radio", { name: /^免费版/ }) })).toContainText("免费");
    await useEnglish(page);
    await page.reload();
    const business = catalog.editions.find((e) => e.id === "business")!;
    await expect(page.locator("label").filter({ has: page.getByRole("radio", { name: /^Business/ }) })).toContainText(
      `${yuan(fen(business.prices.year!), true)}/seat/yr · ${yuan(fen(business.prices.month!), true)}/seat/mo`,
    );
    await expectAccessible(page);
  });
});
