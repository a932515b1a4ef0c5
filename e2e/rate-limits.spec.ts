import type { Page } from "@playwright/test";
import { expect, test, useEnglish } from "./fixtures";
import { Header, SignInForm, SignUpForm } from "./pages/auth";

// Per-account back-off on failed sign-ins (lib/limits/limits.ts SIGN_IN_BACKOFF: 5 free failures,
// then 30 s, doubling). The e2e server scales only the per-address limits, so this is the real one.
const FREE_FAILURES = 5;

/** Sends the form and waits for better-auth's answer, so each failure is counted before the next. */
async function attempt(page: Page, form: SignInForm, who: { email: string; password: string }) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/auth/sign-in/") && r.request().method() === "POST"),
    form.submit(who),
  ]);
}

test.describe("abuse limits", () => {
  test("a buyer mistyping the password again and again is told, in Chinese, how long to wait; the right password waits too", async ({
    page,
    buyer,
  }) => {
    await page.goto("/sign-up?next=%2Fpricing");
    await new SignUpForm(page).submit(buyer);
    await expect(page).toHaveURL("/pricing");
    await new Header(page).signOut();

    await page.goto("/sign-in");
    const form = new SignInForm(page);
    const alert = page.getByRole("form", { name: "登录" }).getByRole("alert");
    for (let i = 1; i <= FREE_FAILURES; i++) {
      await attempt(page, form, { email: buyer.email, password: `wrong password ${i}` });
      await expect(alert).toHaveText("邮箱或密码不正确。");
      await expect(form.submitButton).toBeEnabled();
      await form.email.clear();
    }
    await attempt(page, form, { email: buyer.email, password: "wrong password again" });
    await expect(alert).toHaveText(/^密码错误次数过多，请在 (\d+) 秒后再试。$/);
    const seconds = Number(/(\d+) 秒/.exec((await alert.textContent()) ?? "")?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(30);
    // Even the right password waits: the block is on the account, not on what was typed.
    await form.email.clear();
    await attempt(page, form, buyer);
    await expect(alert).toHaveText(/^密码错误次数过多，请在 \d+ 秒后再试。$/);
    await expect(page).toHaveURL("/sign-in");
  });

  test("the same wait in English", async ({ page, buyer }) => {
    await useEnglish(page);
    await page.goto("/sign-up?next=%2Fpricing");
    await new SignUpForm(page, "en").submit(buyer);
    await expect(page).toHaveURL("/pricing");
    await page.context().clearCookies({ name: /session/ });
    await useEnglish(page);

    await page.goto("/sign-in");
    const form = new SignInForm(page, "en");
    const alert = page.getByRole("form", { name: "Sign in" }).getByRole("alert");
    for (let i = 1; i <= FREE_FAILURES; i++) {
      await attempt(page, form, { email: buyer.email, password: `wrong password ${i}` });
      await expect(alert).toHaveText("The email or password is incorrect.");
      await expect(form.submitButton).toBeEnabled();
      await form.email.clear();
    }
    await attempt(page, form, { email: buyer.email, password: "wrong password again" });
    await expect(alert).toHaveText(/^Too many wrong passwords\. Try again in \d+ seconds?\.$/);
  });
});
