import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";
import { OPERATOR, operatorPage } from "./flows";

export interface SalesAccount {
  name: string;
  email: string;
  password: string;
  limit: number;
}

/** The create-a-sales-account section of /operator/staff. */
export const createSection = (page: Page) => page.getByRole("region", { name: "开通销售账号" });

/** Fills and sends the create-a-sales-account form on an open /operator/staff page. */
export async function submitSalesAccount(page: Page, who: SalesAccount) {
  const form = createSection(page);
  await form.getByLabel("姓名", { exact: true }).fill(who.name);
  await form.getByLabel("邮箱", { exact: true }).fill(who.email);
  await form.getByLabel("初始密码", { exact: true }).fill(who.password);
  await form.getByLabel("折扣上限（%）", { exact: true }).fill(String(who.limit));
  await form.getByRole("button", { name: "创建账号" }).click();
}

/**
 * An operator, in a browser session of its own, creates the sales account `who` through the
 * staff page, and is still signed in as itself afterwards.
 */
export async function createSalesAccount(browser: Browser, baseURL: string, who: SalesAccount): Promise<void> {
  const operator = await operatorPage(browser, baseURL, "/operator/staff");
  try {
    await submitSalesAccount(operator.page, who);
    await expect(createSection(operator.page).getByRole("status")).toHaveText(
      `已开通销售账号：${who.name}（${who.email.toLowerCase()}），可用初始密码登录。`,
    );
    await expect(operator.page.getByRole("banner").getByText(OPERATOR.email)).toBeVisible();
  } finally {
    await operator.close();
  }
}
