import { expect, expectAccessible, test } from "./fixtures";

test.describe("/pricing", () => {
  test("compares the editions side by side in Chinese by default", async ({ page }) => {
    await page.goto("/pricing");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("选择适合您的版本");
    const business = page.getByRole("article", { name: "商业版" });
    await expect(business).toContainText("¥1,390/席/年");
    await expect(business).toContainText("折合每席每月 ¥115.83");
    await expect(business).toContainText("会议规模 300 人");
    await expect(business).toContainText("6–255 个高级账号");
    await expect(page.getByRole("article", { name: "专业版" })).toContainText("¥988/席/年");
    await expect(page.getByRole("article", { name: "教育版" })).toContainText("¥760/席/年");
    await expect(page.getByRole("article", { name: "企业版" }).getByRole("link", { name: "联系销售" })).toHaveAttribute(
      "href",
      "/contact-sales?edition=enterprise",
    );
    await expect(page.getByRole("article", { name: "教育加强版" }).getByRole("link", { name: "联系销售" })).toBeVisible();
    await expectAccessible(page);
  });

  test("switches between yearly and monthly prices", async ({ page }) => {
    await page.goto("/pricing");
    await page.getByRole("link", { name: "按月" }).click();
    await expect(page).toHaveURL(/billing=monthly/);
    const pro = page.getByRole("article", { name: "专业版" });
    await expect(pro).toContainText("¥98/席/月");
    await expect(pro).toContainText("按月付费每席每年 ¥1,176");
    await expect(page.getByRole("link", { name: "按月" })).toHaveAttribute("aria-current", "page");
    await expect(pro.getByRole("link", { name: "购买专业版" })).toHaveAttribute("href", "/buy?edition=pro&seats=1&term=1m");
    await page.getByRole("link", { name: "按年" }).click();
    await expect(pro).toContainText("¥988/席/年");
  });

  test("speaks English after the language switch, and remembers it", async ({ page }) => {
    await page.goto("/pricing");
    await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose the edition that fits");
    await expect(page.getByRole("article", { name: "Business" })).toContainText("¥1,390/seat/yr");
    await page.reload();
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    await expectAccessible(page);
  });

  test("lists every add-on with its list prices", async ({ page }) => {
    await page.goto("/pricing");
    // The page has three tables now (feature comparison, 1–3 year totals, add-ons): this one is the add-ons'.
    const table = page.getByRole("table", { name: "附加项价格" });
    const row = table.getByRole("row", { name: /会议室连接器 MRA/ });
    await expect(row.getByRole("cell").first()).toHaveText("¥5,000");
    await expect(table.getByRole("row", { name: /电话会议服务包（1000元）/ })).toContainText("¥1,000");
    await expect(table.getByRole("row")).toHaveCount(22);
  });

  test("takes the buyer into /buy with the edition chosen", async ({ page }) => {
    await page.goto("/pricing");
    await page.getByRole("article", { name: "商业版" }).getByRole("link", { name: "购买商业版" }).click();
    await expect(page).toHaveURL(/\/buy\?edition=business&seats=6&term=1y/);
  });
});
