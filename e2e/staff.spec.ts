import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { operatorPage } from "./flows";
import { createSalesAccount, createSection, submitSalesAccount } from "./staff-flows";

const PASSWORD = "sales initial password";
const newSales = () => {
  const id = randomUUID().slice(0, 8);
  return { name: `销售${id}`, email: `sales-${id}@example.com`, password: PASSWORD, limit: 12 };
};
const rowOf = (page: Page, email: string) => page.getByRole("row", { name: new RegExp(email) });

/** A browser session of its own, signed in at /sign-in with these credentials. */
async function signInFresh(browser: Browser, baseURL: string, email: string, password: string) {
  const context = await browser.newContext({ baseURL, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL("/pricing");
  await expect(page.getByRole("banner").getByText(email)).toBeVisible();
  return { page, close: () => context.close() };
}

test.describe("sales staff", () => {
  test("an operator creates a sales account with a 12% limit, raises it to 20%, and the account signs in", async ({ browser, baseURL }) => {
    const who = newSales();
    await createSalesAccount(browser, baseURL!, who);

    const operator = await operatorPage(browser, baseURL!, "/operator/staff");
    const { page } = operator;
    await expect(page.getByRole("heading", { name: "销售账号", level: 1 })).toBeVisible();
    const row = rowOf(page, who.email);
    await expect(row).toContainText(who.name);
    await expect(row).toContainText("销售");
    const limit = row.getByLabel(`${who.name} 的折扣上限（%）`);
    await expect(limit).toHaveValue("12");
    await expectAccessible(page);

    await limit.fill("101");
    await row.getByRole("button", { name: "保存" }).click();
    await expect(limit).toHaveAccessibleDescription("请输入 0 到 100 之间的整数。");
    await limit.fill("20");
    await row.getByRole("button", { name: "保存" }).click();
    await expect(row.getByRole("status")).toHaveText(`已保存：${who.name} 的折扣上限为 20%。`);
    await page.reload();
    await expect(rowOf(page, who.email).getByLabel(`${who.name} 的折扣上限（%）`)).toHaveValue("20");

    // The same email again: refused at the email field.
    await submitSalesAccount(page, { ...who, email: who.email.toUpperCase() });
    const email = createSection(page).getByLabel("邮箱", { exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/该邮箱已是销售或运营账号，无需再次开通。/);
    await expect(createSection(page).getByRole("status")).toHaveText("");
    await expectAccessible(page);
    await operator.close();

    const sales = await signInFresh(browser, baseURL!, who.email, who.password);
    await sales.close();
  });

  test("a buyer cannot open the staff page, and a buyer's email cannot be made a sales account", async ({ page, browser, baseURL }) => {
    const buyer = { ...newSales(), name: "买家转销售" };
    await page.goto("/operator/staff");
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent("/operator/staff")}`);
    await page.getByRole("link", { name: "注册新账号" }).click();
    await page.getByLabel("姓名").fill(buyer.name);
    await page.getByLabel("邮箱").fill(buyer.email);
    await page.getByLabel("密码").fill("buyer own password");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page).toHaveURL(`/forbidden?next=${encodeURIComponent("/operator/staff")}`);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();

    const operator = await operatorPage(browser, baseURL!, "/operator/staff");
    await submitSalesAccount(operator.page, { ...buyer, name: "另一个名字", limit: 5 });
    const email = createSection(operator.page).getByLabel("邮箱", { exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(
      /该邮箱已注册为客户账号。任何人都能用任意邮箱注册，因此客户账号不会被改为员工账号：请使用尚未注册的员工邮箱。/,
    );
    await expect(rowOf(operator.page, buyer.email)).toHaveCount(0);
    await operator.close();
  });
});
