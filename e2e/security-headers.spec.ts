import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page, Response } from "@playwright/test";
import { expect, OPERATOR, test } from "./fixtures";
import { SignInForm } from "./pages/auth";
import { PUBLIC_PAGES } from "./pages/public-pages";
import { BuyWizard, OrderPage } from "./pages/wizard";

// Issue 11 item 8: every page answers with a nonce CSP that forbids framing, nosniff, a referrer
// policy and a permissions policy; the page runs with no CSP violation; nothing can frame it.

const CSP_VIOLATION = /Content Security Policy|Refused to (execute|load|apply|frame|connect)/i;

/** Console messages of CSP violations on `page` from now on. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (CSP_VIOLATION.test(message.text())) seen.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => {
    if (CSP_VIOLATION.test(error.message)) seen.push(`${page.url()}: ${error.message}`);
  });
  return seen;
}

/** The response's security headers are all there; returns the CSP nonce, which every script the page has carries. */
async function expectSecured(page: Page, response: Response | null, path: string): Promise<string> {
  expect(response, path).not.toBeNull();
  const headers = response!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).toContain("object-src 'none'");
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp, path).not.toContain("'unsafe-inline' 'unsafe-eval'");
  expect(headers["x-frame-options"], path).toBe("DENY");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe(path.startsWith("/q/") ? "no-referrer" : "strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], path).toContain("camera=()");
  // Plain http here: no HSTS (browsers ignore it over http, and a laptop must not be pinned to https).
  expect(headers["strict-transport-security"], path).toBeUndefined();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  // Every script the server sent carries the nonce, in the HTML and in the DOM.
  const html = await response!.text();
  const served = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(served.length, path).toBeGreaterThan(0);
  for (const tag of served) expect(tag, path).toContain(`nonce="${nonce}"`);
  const servedSources = new Set(served.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]).filter(Boolean));
  await page.waitForLoadState("load");
  const scripts = await page.evaluate(() =>
    [...document.scripts].map((s) => ({ src: s.src, path: s.getAttribute("src"), nonce: s.nonce })),
  );
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const script of scripts) {
    if (script.path && !servedSources.has(script.path)) {
      // Added later: the framework's scripts, by the inline loader that holds them until the first paint
      // (lib/http/hold-scripts.ts), or a step's code fetched on demand by the framework's chunk loader
      // (Turbopack sets no nonce on it). 'strict-dynamic' lets a nonce'd script load them. Our own chunks only.
      const chunks = `${new URL(page.url()).origin}/_next/static/chunks/`;
      expect(script.src.startsWith(chunks), `${path}: ${script.src}`).toBe(true);
      expect(script.src.slice(chunks.length), `${path}: ${script.src}`).toMatch(/^[\w.-]+\.js$/);
    } else expect(script.nonce, `${path}: ${script.src || "inline script"}`).toBe(nonce);
  }
  return nonce;
}

/** Loads `path` twice: secured both times, with a different nonce each time. */
async function expectSecuredPage(page: Page, path: string) {
  const first = await expectSecured(page, await page.goto(path), path);
  const second = await expectSecured(page, await page.reload(), path);
  expect(second, `${path}: a fresh nonce per load`).not.toBe(first);
}

test.describe("security headers", () => {
  test("every public page: headers, a nonce per load on every script, no CSP violation, hydrated", async ({ page }) => {
    test.slow();
    const violations = cspViolations(page);
    for (const path of PUBLIC_PAGES) await expectSecuredPage(page, path);
    // Scripts ran under the policy: the configurator reacts (client JavaScript), the language switch posts (a server action).
    await page.goto("/buy?edition=business&seats=30&term=1y");
    await expect(page.getByTestId("summary-total")).toHaveText("¥41,700.00");
    await page.getByRole("spinbutton", { name: "高级账号数量" }).fill("31");
    await page.getByRole("spinbutton", { name: "高级账号数量" }).press("Tab");
    await expect(page.getByTestId("summary-total")).toHaveText("¥43,090.00");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect(violations).toEqual([]);
  });

  test("API responses and static files carry them too", async ({ request, page }) => {
    const api = await request.post("/api/v1/price", {
      data: { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [] },
    });
    expect(api.status()).toBe(200);
    expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    expect(api.headers()["x-frame-options"]).toBe("DENY");
    await page.goto("/pricing");
    // The first framework script, once the loader has added it.
    const firstChunk = () => page.evaluate(() => [...document.scripts].find((s) => s.src.includes("/_next/static/"))?.src ?? "");
    await expect.poll(firstChunk).not.toBe("");
    const src = await firstChunk();
    const asset = await request.get(src);
    expect(asset.status()).toBe(200);
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
    expect(asset.headers()["x-frame-options"]).toBe("DENY");
  });

  test("buyer pages: checkout, the order, the sandbox pay page and services", async ({ page, buyer }) => {
    test.slow();
    const violations = cspViolations(page);
    const wizard = new BuyWizard(page);
    await wizard.reachReview(
      "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1",
      { ...buyer, name: "安全用户" },
      { organisation: "安全科技有限公司", contact: "安全用户", mobile: "13700137000" },
    );
    await wizard.placeOrder();
    const order = new OrderPage(page);
    await expect(order.total).toHaveText("¥52,488.00");
    const orderPath = new URL(page.url()).pathname;
    await expectSecuredPage(page, orderPath);
    await order.startPayment();
    await expect(page).toHaveURL(/\/pay\/sandbox\//);
    const payPath = new URL(page.url()).pathname;
    await expectSecuredPage(page, payPath);
    await order.sandbox("支付");
    await expect(page.getByText("已开通").first()).toBeVisible();
    for (const path of ["/console/orders", "/console/services", orderPath]) await expectSecuredPage(page, path);
    expect(violations).toEqual([]);
  });

  test("sales and operator pages, and a quote link with no referrer", async ({ salesRep: sales, newSession }) => {
    test.slow();
    const rep = sales.page;
    const violations = cspViolations(rep);
    await expectSecuredPage(rep, "/sales/quotes/new");
    await rep.getByRole("radio", { name: /^商业版/ }).check();
    await rep.getByRole("spinbutton", { name: "高级账号数量" }).fill("30");
    await rep.getByLabel("客户名称").fill("杭州示例科技有限公司");
    await rep.getByLabel("客户邮箱").fill("wang@example.cn");
    await rep.getByLabel("折扣（%）").fill("10");
    await rep.getByRole("button", { name: "生成报价链接" }).click();
    await expect(rep.getByRole("heading", { name: /已生成$/ })).toBeVisible();
    const link = new URL(await rep.getByLabel("报价链接").inputValue());
    await rep.getByRole("link", { name: "查看报价" }).click();
    await expect(rep).toHaveURL(/\/sales\/quotes\/[^/]+$/);
    await expectSecuredPage(rep, new URL(rep.url()).pathname);
    await expectSecuredPage(rep, "/sales/quotes");

    const customer = await newSession();
    const customerViolations = cspViolations(customer.page);
    await expectSecuredPage(customer.page, link.pathname);
    await expect(customer.page.getByTestId("quote-total")).toHaveText("¥37,530.00");
    await expectSecuredPage(customer.page, `${link.pathname}/checkout`);

    const staff = await newSession();
    const staffViolations = cspViolations(staff.page);
    await staff.page.goto("/operator/verifications");
    await new SignInForm(staff.page).submit(OPERATOR);
    await expect(staff.page).toHaveURL("/operator/verifications");
    for (const path of ["verifications", "leads", "vouchers", "quotes", "staff", "audit"])
      await expectSecuredPage(staff.page, `/operator/${path}`);
    expect([...violations, ...customerViolations, ...staffViolations]).toEqual([]);
  });

  test("a page on another origin cannot frame checkout", async ({ page, baseURL }) => {
    const store = new URL(baseURL!);
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/frame-ancestors|Refused to (display|frame)/i.test(m.text())) refused.push(m.text());
    });
    // An attacker's page on another origin (another port), served by a small server of the test's own.
    const target = `${store.origin}/buy?edition=business&seats=30&term=1y`;
    const attacker = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(`<!doctype html><title>attacker</title><iframe src="${target}" width="800" height="600"></iframe>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
      await expect.poll(() => refused.length).toBeGreaterThan(0);
      expect(refused.join("\n")).toContain("frame-ancestors 'none'");
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(frame).toBeDefined();
      // The store never renders inside: no page heading, no checkout.
      await expect(frame!.getByRole("heading")).toHaveCount(0);
      await expect(frame!.getByTestId("summary-total")).toHaveCount(0);
    } finally {
      attacker.close();
    }
  });
});
