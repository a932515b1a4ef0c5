import { expect, type Page } from "@playwright/test";

export type UiLocale = "zh-CN" | "en";

/** Someone's sign-in details; a buyer's email is unique to its test (see the `buyer` fixture). */
export interface Account {
  name: string;
  email: string;
  password: string;
}

const SIGN_UP = {
  "zh-CN": { name: "姓名", email: "邮箱", password: "密码", submit: "注册" },
  en: { name: "Name", email: "Email", password: "Password", submit: "Create account" },
} as const;

const SIGN_IN = {
  "zh-CN": { email: "邮箱", password: "密码", submit: "登录", signUp: "注册新账号" },
  en: { email: "Email", password: "Password", submit: "Sign in", signUp: "Create one" },
} as const;

/** The /sign-up form (also reached from "注册新账号" on /sign-in or the wizard's organisation step). */
export class SignUpForm {
  constructor(
    readonly page: Page,
    readonly locale: UiLocale = "zh-CN",
  ) {}

  private get labels() {
    return SIGN_UP[this.locale];
  }

  get name() {
    return this.page.getByLabel(this.labels.name);
  }
  get email() {
    return this.page.getByLabel(this.labels.email);
  }
  get password() {
    return this.page.getByLabel(this.labels.password);
  }
  get submitButton() {
    return this.page.getByRole("button", { name: this.labels.submit, exact: true });
  }

  /** Fills the three fields with `who` and sends the form. */
  async submit(who: Account) {
    await this.name.fill(who.name);
    await this.email.fill(who.email);
    await this.password.fill(who.password);
    await this.submitButton.click();
  }
}

/** The /sign-in form. */
export class SignInForm {
  constructor(
    readonly page: Page,
    readonly locale: UiLocale = "zh-CN",
  ) {}

  private get labels() {
    return SIGN_IN[this.locale];
  }

  get email() {
    return this.page.getByLabel(this.labels.email);
  }
  get password() {
    return this.page.getByLabel(this.labels.password);
  }
  get submitButton() {
    return this.page.getByRole("button", { name: this.labels.submit, exact: true });
  }

  /** The "注册新账号" link to /sign-up (keeping `next`). */
  get signUpLink() {
    return this.page.getByRole("link", { name: this.labels.signUp });
  }

  async submit(who: Pick<Account, "email" | "password">) {
    await this.email.fill(who.email);
    await this.password.fill(who.password);
    await this.submitButton.click();
  }
}

/** The site header: who is signed in, and the sign-in link / sign-out button. */
export class Header {
  constructor(readonly page: Page) {}

  get banner() {
    return this.page.getByRole("banner");
  }
  get signInLink() {
    return this.banner.getByRole("link", { name: "登录" });
  }
  get signOutButton() {
    return this.banner.getByRole("button", { name: "退出登录" });
  }
  user(email: string) {
    return this.banner.getByText(email);
  }

  /** Signs out from the header and waits until it offers sign-in again. */
  async signOut() {
    await this.signOutButton.click();
    await expect(this.signInLink).toBeVisible();
  }
}
