import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";

// The operator the server creates at start (QUORUM_BOOTSTRAP_OPERATORS in playwright.config.ts).
export const OPERATOR = { email: "e2e-operator@example.com", password: "e2e operator password" };

/** A separate browser session signed in as the operator, on `path` (an operator page). */
export async function operatorPage(browser: Browser, baseURL: string, path: string) {
  const context = await browser.newContext({ baseURL, locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto(path);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByLabel("邮箱").fill(OPERATOR.email);
  await page.getByLabel("密码").fill(OPERATOR.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(path);
  return { page, close: () => context.close() };
}

/**
 * A new buyer takes the cart at `link` through the wizard: agreements ticked, an account made
 * on the organisation step, the organisation filled in; ends on the review step.
 */
export async function reachReview(page: Page, link: string, who: { name: string; organisation: string }) {
  await page.goto(link);
  const next = page.getByRole("button", { name: "继续" });
  for (let i = 0; i < 3; i++) await next.click();
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await next.click();
  await page.getByRole("link", { name: "注册新账号" }).click();
  await page.getByLabel("姓名").fill(who.name);
  await page.getByLabel("邮箱").fill(`buyer-${randomUUID()}@example.com`);
  await page.getByLabel("密码").fill("correct horse battery");
  await page.getByRole("button", { name: "注册" }).click();
  await page.getByLabel("组织名称").fill(who.organisation);
  await page.getByLabel("联系人").fill(who.name);
  await page.getByLabel("手机号").fill("13700137000");
  await next.click();
  await expect(page.locator("#step-heading")).toContainText("确认订单");
}
