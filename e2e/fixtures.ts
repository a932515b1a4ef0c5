import AxeBuilder from "@axe-core/playwright";
import { randomUUID } from "node:crypto";
import { expect, test as base, type Browser, type Page } from "@playwright/test";
import { Header, SignInForm, SignUpForm, type Account } from "./pages/auth";
import { StaffPage, type SalesAccount } from "./pages/staff";
import { BuyWizard, OrderPage } from "./pages/wizard";

export { expect };
export type { Account, SalesAccount };

/** Fails on any serious or critical axe violation on the page as it is now. */
export async function expectAccessible(page: Page) {
  // Next.js streams a dynamic page's metadata after its content: axe must not judge the page before its <title> is in.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Makes the page's browser context speak English, as the language switch would. */
export async function useEnglish(page: Page) {
  const url = test.info().project.use.baseURL;
  if (!url) throw new Error("baseURL is not configured");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url }]);
}

// The operator the server creates at start (QUORUM_BOOTSTRAP_OPERATORS in playwright.config.ts).
export const OPERATOR = { email: "e2e-operator@example.com", password: "e2e operator password" };

export const BUYER_PASSWORD = "correct horse battery";

/** A page in a browser context of its own; `close` ends the context (and so its session). */
export interface Session {
  page: Page;
  close(): Promise<void>;
}

export interface Operator {
  email: string;
  /**
   * A browser session of its own on `path` (an operator page): sent to sign in first, signed in as
   * the operator, back on `path`.
   */
  open(path: string): Promise<Session>;
  /**
   * Creates the sales account `who` through /operator/staff in a session of its own (closed
   * afterwards); the operator is still signed in as itself after it.
   */
  createSalesAccount(who: SalesAccount): Promise<void>;
}

export interface SalesRep extends Session {
  /** The account: unique email, the discount limit of the `salesRepLimit` option. */
  rep: SalesAccount;
}

interface Fixtures {
  /**
   * A buyer of this test's own: a unique email (so everything it orders is its own), not yet
   * registered; the test signs it up where its flow does (`SignUpForm`, `BuyWizard.signUp`).
   */
  buyer: Account;
  /** `buyer`, signed up at /sign-up and signed in on `page`. */
  signedInBuyer: Account;
  /** The bootstrap operator; every session it opens is closed when the test ends. */
  operator: Operator;
  /** The discount limit (%) the `salesRep` fixture's account gets. */
  salesRepLimit: number;
  /** A new sales account, opened by the operator at /operator/staff, signed in on /sales/quotes/new in a session of its own. */
  salesRep: SalesRep;
  /** Opens a browser context with no session (a customer on another machine); closed when the test ends. */
  newSession: () => Promise<Session>;
  /** The purchase wizard on `page`. */
  wizard: BuyWizard;
  /** An order's page on `page`. */
  order: OrderPage;
}

const uniqueEmail = (prefix: string) => `${prefix}-${randomUUID()}@example.com`;

/** Sessions opened during one test, each closed once, and all at its end. */
function sessionPool(browser: Browser, baseURL: string | undefined) {
  const open = new Set<Session>();
  return {
    async open(): Promise<Session> {
      const context = await browser.newContext({ baseURL, locale: "zh-CN" });
      const page = await context.newPage();
      const session: Session = {
        page,
        close: async () => {
          if (!open.delete(session)) return;
          await context.close();
        },
      };
      open.add(session);
      return session;
    },
    async closeAll() {
      for (const session of [...open]) await session.close();
    },
  };
}

// The second argument of a fixture is named `provide`, not Playwright's usual `use`, so React's hook rules do not mistake it for `React.use`.
export const test = base.extend<Fixtures>({
  buyer: async ({}, provide) => {
    await provide({ name: "李雷", email: uniqueEmail("buyer"), password: BUYER_PASSWORD });
    // Nothing to clean: the account is this test's alone, and its browser context ends with the test.
  },

  signedInBuyer: async ({ page, buyer }, provide) => {
    await page.goto("/sign-up");
    await new SignUpForm(page).submit(buyer);
    await expect(new Header(page).signOutButton).toBeVisible();
    await provide(buyer);
  },

  newSession: async ({ browser, baseURL }, provide) => {
    const pool = sessionPool(browser, baseURL);
    await provide(() => pool.open());
    await pool.closeAll();
  },

  operator: async ({ browser, baseURL }, provide) => {
    const pool = sessionPool(browser, baseURL);
    const open = async (path: string) => {
      const session = await pool.open();
      const { page } = session;
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in\?next=/);
      await new SignInForm(page).submit(OPERATOR);
      await expect(page).toHaveURL(path);
      return session;
    };
    await provide({
      email: OPERATOR.email,
      open,
      async createSalesAccount(who) {
        const session = await open("/operator/staff");
        try {
          await new StaffPage(session.page).createSalesAccount(who);
          await expect(new Header(session.page).user(OPERATOR.email)).toBeVisible();
        } finally {
          await session.close();
        }
      },
    });
    await pool.closeAll();
  },

  salesRepLimit: [15, { option: true }],

  salesRep: async ({ browser, baseURL, operator, salesRepLimit }, provide) => {
    const rep: SalesAccount = {
      name: `销售${randomUUID().slice(0, 4)}`,
      email: uniqueEmail("rep"),
      password: "sales rep password",
      limit: salesRepLimit,
    };
    await operator.createSalesAccount(rep);
    const pool = sessionPool(browser, baseURL);
    const session = await pool.open();
    const path = "/sales/quotes/new";
    await session.page.goto(path);
    await new SignInForm(session.page).submit(rep);
    await expect(session.page).toHaveURL(path);
    await provide({ ...session, rep });
    await pool.closeAll();
  },

  wizard: async ({ page }, provide) => {
    await provide(new BuyWizard(page));
  },

  order: async ({ page }, provide) => {
    await provide(new OrderPage(page));
  },
});
