import { expect, expectAccessible, test } from "./fixtures";
import { Header, SignInForm, SignUpForm } from "./pages/auth";

// A cart mid-purchase: its exact URL (with an encoded ":") must come back after signing in.
const CART = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500%3A1&step=addons";

test.describe("accounts", () => {
  test("sign up from a cart, come back to it, sign out, then sign in again", async ({ page, buyer }) => {
    const { email } = buyer;
    const header = new Header(page);
    await page.goto(`/sign-in?next=${encodeURIComponent(CART)}`);
    await new SignInForm(page).signUpLink.click();
    await expect(page).toHaveURL(`/sign-up?next=${encodeURIComponent(CART)}`);
    await expect(page.getByRole("heading", { name: "创建账号" })).toBeVisible();
    await expectAccessible(page);

    await new SignUpForm(page).submit(buyer);
    await expect(page).toHaveURL(CART);
    await expect(header.user(email)).toBeVisible();

    await header.signOut(); // and the header offers sign-in again
    await expect(header.user(email)).toHaveCount(0);
    await expect(page).toHaveURL(CART);

    await page.goto(`/sign-in?next=${encodeURIComponent(CART)}`);
    await new SignInForm(page).submit(buyer);
    await expect(page).toHaveURL(CART);
    await expect(header.user(email)).toBeVisible();

    // Signed in, the auth pages send you straight on.
    await page.goto(`/sign-in?next=${encodeURIComponent("/pricing")}`);
    await expect(page).toHaveURL("/pricing");
  });

  test("a wrong password or a taken email shows why, at the form", async ({ page, buyer }) => {
    await page.goto("/sign-up?next=%2Fpricing");
    await new SignUpForm(page).submit(buyer);
    await expect(page).toHaveURL("/pricing");
    await new Header(page).signOut(); // and the header offers sign-in again

    await page.goto("/sign-in");
    await new SignInForm(page).submit({ email: buyer.email, password: "not the password" });
    await expect(page.getByRole("form", { name: "登录" }).getByRole("alert")).toHaveText("邮箱或密码不正确。");
    await expect(page).toHaveURL("/sign-in");
    await expectAccessible(page);

    await new SignInForm(page).signUpLink.click();
    await new SignUpForm(page).submit({ ...buyer, email: buyer.email.toUpperCase() });
    await expect(page.getByRole("form", { name: "创建账号" }).getByRole("alert")).toHaveText("该邮箱已注册，请直接登录或换一个邮箱。");
  });

  test("a role-gated page asks visitors to sign in and turns buyers away", async ({ page, buyer }) => {
    const gated = "/operator/leads";
    await page.goto(gated);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(gated)}`);
    await new SignInForm(page).signUpLink.click();
    await new SignUpForm(page).submit(buyer);
    await expect(page).toHaveURL(`/forbidden?next=${encodeURIComponent(gated)}`);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "退出并换一个账号登录" }).click();
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(gated)}`);
    await expect(new Header(page).signInLink).toBeVisible();
  });

  test("checks each field in the reader's language before sending anything", async ({ page }) => {
    const form = new SignUpForm(page);
    await page.goto("/sign-up");
    await form.submitButton.click();
    await expect(form.name).toHaveAccessibleDescription("请填写姓名。");
    await expect(form.email).toHaveAccessibleDescription("请填写邮箱。");
    await expect(form.password).toHaveAccessibleDescription("至少 8 个字符。 密码至少需要 8 个字符。");
    await expect(form.name).toBeFocused();
    await form.email.fill("not-an-email");
    await form.submitButton.click();
    await expect(form.email).toHaveAccessibleDescription("请输入有效的邮箱地址，例如 name@example.com。");
    await expectAccessible(page);
  });

  test("the form's checks and better-auth's client come at the first submit: without the network it says so, then works", async ({
    page,
    buyer,
  }) => {
    const form = new SignUpForm(page);
    await page.goto("/sign-up?next=%2Fpricing");
    await expect(form.submitButton).toBeEnabled(); // hydrated
    // Neither is part of the page's first load: fetching them fails while the network is gone.
    await page.route("**/_next/static/chunks/**", (route) => route.abort("internetdisconnected"));
    await form.name.fill(buyer.name);
    await form.submitButton.click();
    const alert = page.getByRole("form", { name: "创建账号" }).getByRole("alert");
    await expect(alert).toHaveText("出了点问题，请稍后重试。");
    await expect(form.name).toHaveValue(buyer.name); // nothing typed is lost
    await page.unroute("**/_next/static/chunks/**");
    await form.submitButton.click();
    await expect(form.email).toHaveAccessibleDescription("请填写邮箱。");
    await expect(alert).toBeHidden(); // the earlier failure is gone once the form checks again
    await form.submit(buyer);
    await expect(page).toHaveURL("/pricing");
  });

  test("works in English, and an off-site next goes home", async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
    await page.goto(`/sign-in?next=${encodeURIComponent("//evil.example/")}`);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    const form = new SignInForm(page, "en");
    await form.submitButton.click();
    await expect(form.email).toHaveAccessibleDescription("Enter your email address.");
    await expect(form.signUpLink).toHaveAttribute("href", "/sign-up");
    await expectAccessible(page);
  });
});
