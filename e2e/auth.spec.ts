import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";

// A cart mid-purchase: its exact URL (with an encoded ":") must come back after signing in.
const CART = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500%3A1&step=addons";
const PASSWORD = "correct horse battery";

const newEmail = () => `auth-${randomUUID()}@example.com`;
const header = (page: Page) => page.getByRole("banner");

async function fillSignUp(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("姓名").fill("李雷");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "注册", exact: true }).click();
}

async function fillSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

test.describe("accounts", () => {
  test("sign up from a cart, come back to it, sign out, then sign in again", async ({ page }) => {
    const email = newEmail();
    await page.goto(`/sign-in?next=${encodeURIComponent(CART)}`);
    await page.getByRole("link", { name: "注册新账号" }).click();
    await expect(page).toHaveURL(`/sign-up?next=${encodeURIComponent(CART)}`);
    await expect(page.getByRole("heading", { name: "创建账号" })).toBeVisible();
    await expectAccessible(page);

    await fillSignUp(page, email);
    await expect(page).toHaveURL(CART);
    await expect(header(page).getByText(email)).toBeVisible();

    await header(page).getByRole("button", { name: "退出登录" }).click();
    await expect(header(page).getByRole("link", { name: "登录" })).toBeVisible();
    await expect(header(page).getByText(email)).toHaveCount(0);
    await expect(page).toHaveURL(CART);

    await page.goto(`/sign-in?next=${encodeURIComponent(CART)}`);
    await fillSignIn(page, email, PASSWORD);
    await expect(page).toHaveURL(CART);
    await expect(header(page).getByText(email)).toBeVisible();

    // Signed in, the auth pages send you straight on.
    await page.goto(`/sign-in?next=${encodeURIComponent("/pricing")}`);
    await expect(page).toHaveURL("/pricing");
  });

  test("a wrong password or a taken email shows why, at the form", async ({ page }) => {
    const email = newEmail();
    await page.goto("/sign-up?next=%2Fpricing");
    await fillSignUp(page, email);
    await expect(page).toHaveURL("/pricing");
    await header(page).getByRole("button", { name: "退出登录" }).click();
    await expect(header(page).getByRole("link", { name: "登录" })).toBeVisible();

    await page.goto("/sign-in");
    await fillSignIn(page, email, "not the password");
    await expect(page.getByRole("form", { name: "登录" }).getByRole("alert")).toHaveText("邮箱或密码不正确。");
    await expect(page).toHaveURL("/sign-in");
    await expectAccessible(page);

    await page.getByRole("link", { name: "注册新账号" }).click();
    await fillSignUp(page, email.toUpperCase());
    await expect(page.getByRole("form", { name: "创建账号" }).getByRole("alert")).toHaveText("该邮箱已注册，请直接登录或换一个邮箱。");
  });

  test("a role-gated page asks visitors to sign in and turns buyers away", async ({ page }) => {
    const gated = "/operator/leads";
    await page.goto(gated);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(gated)}`);
    await page.getByRole("link", { name: "注册新账号" }).click();
    await fillSignUp(page, newEmail());
    await expect(page).toHaveURL(`/forbidden?next=${encodeURIComponent(gated)}`);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "退出并换一个账号登录" }).click();
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(gated)}`);
    await expect(page.getByRole("banner").getByRole("link", { name: "登录" })).toBeVisible();
  });

  test("checks each field in the reader's language before sending anything", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByLabel("姓名")).toHaveAccessibleDescription("请填写姓名。");
    await expect(page.getByLabel("邮箱")).toHaveAccessibleDescription("请填写邮箱。");
    await expect(page.getByLabel("密码")).toHaveAccessibleDescription("至少 8 个字符。 密码至少需要 8 个字符。");
    await expect(page.getByLabel("姓名")).toBeFocused();
    await page.getByLabel("邮箱").fill("not-an-email");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByLabel("邮箱")).toHaveAccessibleDescription("请输入有效的邮箱地址，例如 name@example.com。");
    await expectAccessible(page);
  });

  test("works in English, and an off-site next goes home", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example/")}`);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter your email address.");
    await expect(page.getByRole("link", { name: "Create one" })).toHaveAttribute("href", "/sign-up");
    await expectAccessible(page);
  });
});
