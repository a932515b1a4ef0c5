import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { BuyWizard, OrderPage } from "./pages/wizard";

/** On the builder: business, 30 seats, 1 year, one large meeting (500), for the example customer, at `discount` percent. */
async function configureBusinessQuote(page: Page, discount: string) {
  await page.getByRole("radio", { name: /^商业版/ }).check();
  await page.getByRole("spinbutton", { name: "高级账号数量" }).fill("30");
  await page.getByRole("button", { name: "增加大型会议（500人）数量" }).click();
  await page.getByLabel("客户名称").fill("杭州示例科技有限公司");
  await page.getByLabel("客户邮箱").fill("wang@example.cn");
  await page.getByLabel("折扣（%）").fill(discount);
  await page.getByLabel("给客户的备注（选填）").fill("含一年技术支持");
}

/** Issues the configured quote (or version); returns the link shown once and the quote number. */
async function issue(page: Page, button: string | RegExp, version = 1) {
  await page.getByRole("button", { name: button }).click();
  const heading = page.getByRole("heading", { name: new RegExp(`^报价 QT\\d{8}-[A-Z0-9]{6}（第 ${version} 版）已生成$`) });
  await expect(heading).toBeVisible();
  const link = await page.getByLabel("报价链接").inputValue();
  expect(link).toMatch(/\/q\/[A-Za-z0-9_-]{43}$/);
  return Object.assign(link, { number: (await heading.textContent())!.match(/QT\d{8}-[A-Z0-9]{6}/)![0] }) as string & { number: string };
}

async function expectNoPrice(page: Page, heading: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.getByText("¥")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "接受报价并下单" })).toHaveCount(0);
}

test.describe("sales quote links", () => {
  // Every journey here creates a sales account through the operator, then a buyer works through a
  // second browser context: near 45 s on an idle box and past the 60 s default on a loaded one.
  test.slow();

  test("a rep quotes business 30 + large meeting at 10%; the customer opens the link, accepts and pays ¥47,239.20", async ({
    salesRep: sales,
    buyer: account,
    newSession,
  }) => {
    await configureBusinessQuote(sales.page, "10");
    await expect(sales.page.getByTestId("summary-total")).toHaveText("¥47,239.20");
    await expectAccessible(sales.page);
    const link = await issue(sales.page, "生成报价链接");
    await expect(sales.page.getByText("链接已生效，客户将看到 ¥47,239.20。")).toBeVisible();

    const buyer = await newSession(); // the customer's browser: no session
    const page = buyer.page;
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^报价单 QT\d{8}-[A-Z0-9]{6}$/);
    await expect(page.getByTestId("quote-total")).toHaveText("¥47,239.20");
    await expect(page.getByText("报价折扣 10%")).toBeVisible();
    await expect(page.getByText("-¥5,248.80", { exact: true })).toBeVisible();
    await expect(page.getByText("含一年技术支持")).toBeVisible();
    await expect(page.getByTestId("quote-countdown")).toHaveText(/^剩余 (30|29) 天 \d+ 小时 \d+ 分钟$/);
    await expectAccessible(page);
    // The PDF download is a real PDF named after the quote.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "下载 PDF" }).click()]);
    expect(download.suggestedFilename()).toBe(`${link.number}-v1.pdf`);
    // Printed: the lines, total, expiry and seller, without the site's header or the buttons.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("link", { name: "接受报价并下单" })).toBeHidden();
    await expect(page.getByTestId("quote-total")).toBeVisible();
    await expect(page.getByText("大型会议（500人）", { exact: true })).toBeVisible();
    await expect(page.getByText(/^有效期至 /)).toBeVisible();
    await expect(page.getByText(`${sales.rep.name} · ${sales.rep.email}`)).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    await page.getByRole("link", { name: "接受报价并下单" }).click();
    const wizard = new BuyWizard(page);
    await expect(wizard.summaryTotal).toHaveText("¥47,239.20");
    await expect(wizard.stepHeading).toHaveText("协议 第 1 步，共 3 步");
    await wizard.acceptAgreements();
    await wizard.continue();
    await wizard.signUp({ ...account, name: "王芳" });
    await expect(page).toHaveURL(/\/q\/[A-Za-z0-9_-]{43}\/checkout/);
    await wizard.fillOrganisation({ organisation: "杭州示例科技有限公司", contact: "王芳", mobile: "13700137000" });
    await wizard.continue();
    await wizard.expectReview();
    await expect(wizard.reviewTotal).toHaveText("¥47,239.20");
    await expect(page.getByLabel("代金券")).toHaveCount(0);
    await wizard.placeOrder();
    const order = new OrderPage(page);
    await expect(order.total).toHaveText("¥47,239.20");
    await order.startPayment();
    await expect(page.getByText("¥47,239.20")).toBeVisible();
    await order.sandbox("支付");
    await expect(page.getByText("已开通").first()).toBeVisible();
    await expect(order.total).toHaveText("¥47,239.20");

    // The link now says the quote was accepted, without a price; the rep sees it converted.
    await page.goto(link);
    await expectNoPrice(page, "此报价已被接受");
    await sales.page.goto("/sales/quotes");
    await expect(sales.page.getByRole("row").filter({ hasText: link.number })).toContainText("已下单");
    await expectAccessible(sales.page);
    await buyer.close();
    await sales.close();
  });

  test("a new revision replaces the link, and the history shows what changed", async ({ salesRep: sales, newSession }) => {
    await configureBusinessQuote(sales.page, "10");
    const first = await issue(sales.page, "生成报价链接");
    await sales.page.getByRole("link", { name: "查看报价" }).click();
    await sales.page.getByRole("link", { name: "修订报价" }).click();
    await expect(sales.page.getByLabel("折扣（%）")).toHaveValue("10");
    await expect(sales.page.getByLabel("客户名称")).toHaveValue("杭州示例科技有限公司");
    await sales.page.getByRole("spinbutton", { name: "高级账号数量" }).fill("40");
    await sales.page.getByLabel("折扣（%）").fill("5");
    // 40 × 1,390 + 10,788 = 66,388.00; 5% off.
    await expect(sales.page.getByTestId("summary-total")).toHaveText("¥63,068.60");
    const second = await issue(sales.page, `发出 ${first.number} 的新版本`, 2);
    expect(second.number).toBe(first.number);

    const buyer = await newSession(); // the customer's browser: no session
    await buyer.page.goto(first);
    await expectNoPrice(buyer.page, "此报价已有新版本");
    await buyer.page.goto(second);
    await expect(buyer.page.getByTestId("quote-total")).toHaveText("¥63,068.60");

    await sales.page.getByRole("link", { name: "查看报价" }).click();
    const history = sales.page.getByRole("region", { name: "修订记录" });
    await expect(history.getByText("折扣：10% → 5%")).toBeVisible();
    await expect(history.getByText("账号数：30 → 40")).toBeVisible();
    await expect(history.getByText("首次发出")).toBeVisible();
    const [pdf] = await Promise.all([sales.page.waitForEvent("download"), sales.page.getByRole("link", { name: "下载 PDF" }).click()]);
    expect(pdf.suggestedFilename()).toBe(`${first.number}-v2.pdf`);
    // Another person's browser gets no PDF of it.
    expect((await buyer.page.request.get(new URL(sales.page.url()).pathname + "/pdf")).status()).toBe(404);
    await expect(sales.page.getByText("已查看").first()).toBeVisible();
    await expectAccessible(sales.page);
    await buyer.close();
    await sales.close();
  });

  test("a discount above the rep's limit waits for an operator, then the link works", async ({
    salesRep: sales,
    operator: staff,
    newSession,
  }) => {
    await configureBusinessQuote(sales.page, "20");
    await expect(sales.page.getByText("此折扣超过你的上限 15%：运营审批通过后链接才会生效。")).toBeVisible();
    const link = await issue(sales.page, "提交审批");
    await expect(sales.page.getByText("等待运营审批：审批通过后链接才会生效。")).toBeVisible();
    const number = link.number;

    const buyer = await newSession(); // the customer's browser: no session
    await buyer.page.goto(link);
    await expectNoPrice(buyer.page, "此报价尚未生效");

    const operator = await staff.open("/operator/quotes");
    await operator.page.getByRole("button", { name: `批准 ${number}` }).click();
    await expect(operator.page.getByRole("status").filter({ hasText: number })).toBeVisible();
    await operator.close();

    await buyer.page.goto(link);
    // 52,488.00 × 20% = 10,497.60 off.
    await expect(buyer.page.getByTestId("quote-total")).toHaveText("¥41,990.40");
    await buyer.close();
    await sales.close();
  });

  test("a draft has no link until the rep issues it", async ({ salesRep: sales, newSession }) => {
    await configureBusinessQuote(sales.page, "10");
    await sales.page.getByRole("button", { name: "保存为草稿" }).click();
    const saved = sales.page.getByRole("heading", { name: /^草稿 QT\d{8}-[A-Z0-9]{6} 已保存$/ });
    await expect(saved).toBeVisible();
    const number = (await saved.textContent())!.match(/QT\d{8}-[A-Z0-9]{6}/)![0];
    await expect(sales.page.getByLabel("报价链接")).toHaveCount(0);
    await sales.page.goto("/sales/quotes");
    await expect(sales.page.getByRole("row").filter({ hasText: number })).toContainText("草稿");
    await sales.page.getByRole("link", { name: number }).click();
    await sales.page.getByRole("link", { name: "修订报价" }).click();
    const link = await issue(sales.page, `发出 ${number} 的新版本`, 2);
    const buyer = await newSession(); // the customer's browser: no session
    await buyer.page.goto(link);
    await expect(buyer.page.getByTestId("quote-total")).toHaveText("¥47,239.20");
    await buyer.close();
    await sales.close();
  });

  test("an editable quote lets the customer change seats and keeps the discount", async ({ salesRep: sales, newSession }) => {
    await configureBusinessQuote(sales.page, "10");
    await sales.page.getByLabel("允许客户修改账号数、时长和增值服务（折扣仍然适用）").check();
    const link = await issue(sales.page, "生成报价链接");
    const buyer = await newSession(); // the customer's browser: no session
    const page = buyer.page;
    await page.goto(link);
    await expect(page.getByText("你可以修改账号数、时长和增值服务，折扣仍然适用。")).toBeVisible();
    await page.getByRole("link", { name: "接受报价并下单" }).click();
    await expect(page.locator("#step-heading")).toHaveText("版本与账号 第 1 步，共 6 步");
    await expect(page.getByRole("radio")).toHaveCount(0);
    await page.getByRole("spinbutton", { name: "高级账号数量" }).fill("40");
    // 40 × 1,390 + 10,788 = 66,388.00; 10% off = 59,749.20.
    await expect(page.getByTestId("summary-total")).toHaveText("¥59,749.20");
    await expect(page.getByText("报价折扣 10%")).toBeVisible();
    await expect(page).toHaveURL(/\/checkout\?edition=business&seats=40/);
    await expectAccessible(page);
    await buyer.close();
    await sales.close();
  });

  test("an enterprise quote at a negotiated seat price always waits for approval", async ({
    salesRep: sales,
    operator: staff,
    newSession,
  }) => {
    await sales.page.getByRole("radio", { name: /^企业版/ }).check();
    await sales.page.getByRole("spinbutton", { name: "高级账号数量" }).fill("300");
    await sales.page.getByLabel("客户名称").fill("大型集团有限公司");
    await sales.page.getByLabel("客户邮箱").fill("it@example.cn");
    await sales.page.getByRole("button", { name: "生成报价链接" }).click();
    await expect(sales.page.getByLabel("协议价（每账号每年，元）")).toHaveAccessibleDescription(/请为此版本设置每账号的协议价。/);
    await sales.page.getByLabel("协议价（每账号每年，元）").fill("1000");
    await expect(sales.page.getByText("协议价始终需要运营审批：审批通过后链接才会生效。")).toBeVisible();
    await expect(sales.page.getByTestId("summary-total")).toHaveText("¥300,000.00");
    const link = await issue(sales.page, "提交审批");
    const operator = await staff.open("/operator/quotes");
    await expect(operator.page.getByRole("row").filter({ hasText: link.number })).toContainText("¥300,000.00");
    await operator.page.getByRole("button", { name: `批准 ${link.number}` }).click();
    await expect(operator.page.getByRole("status").filter({ hasText: link.number })).toBeVisible();
    await operator.close();
    const buyer = await newSession(); // the customer's browser: no session
    await buyer.page.goto(link);
    await expect(buyer.page.getByText(/^300 × ¥1,000/)).toBeVisible();
    await expect(buyer.page.getByTestId("quote-total")).toHaveText("¥300,000.00");
    await buyer.close();
    await sales.close();
  });

  test("forged, altered, expired and revoked links show a clear page and no price", async ({ salesRep: sales, newSession }) => {
    await configureBusinessQuote(sales.page, "5");
    const link = await issue(sales.page, "生成报价链接");
    const buyer = await newSession(); // the customer's browser: no session
    const page = buyer.page;

    const forged = await page.goto(`/q/${"A".repeat(43)}`);
    expect(forged?.headers()["referrer-policy"]).toBe("no-referrer");
    await expectNoPrice(page, "报价链接无效");
    await expectAccessible(page);
    const token = link.split("/q/")[1]!;
    const altered = `${token.slice(0, 20)}${token[20] === "x" ? "y" : "x"}${token.slice(21)}`;
    await page.goto(`/q/${altered}`);
    await expectNoPrice(page, "报价链接无效");
    await page.goto(`/q/${token.slice(0, 42)}`);
    await expectNoPrice(page, "报价链接无效");
    for (const path of [`/q/${altered}/checkout`, `/q/${altered}/pdf`]) {
      const response = await page.goto(path);
      if (path.endsWith("/pdf")) expect(response?.status()).toBe(404);
      else await expectNoPrice(page, "报价链接无效");
    }

    // The link works today; with the clock 31 days on, it has expired.
    await page.goto(link);
    await expect(page.getByTestId("quote-total")).toHaveText("¥49,863.60");
    await page.setExtraHTTPHeaders({ "x-quorum-test-now": new Date(Date.now() + 31 * 24 * 3600_000).toISOString() });
    await page.goto(link);
    await expectNoPrice(page, "此报价已过期");
    await page.setExtraHTTPHeaders({});

    // The rep revokes it from the quote's page; the link then shows it was withdrawn.
    await sales.page.getByRole("link", { name: "查看报价" }).click();
    await sales.page.getByRole("button", { name: "撤销报价" }).click();
    await sales.page.getByRole("button", { name: "确认撤销" }).click();
    await expect(sales.page.getByText("已撤销").first()).toBeVisible();
    await page.goto(link);
    await expectNoPrice(page, "此报价已撤回");
    await buyer.close();
    await sales.close();
  });

  test("a checkout with a tampered price is refused and no order is placed", async ({ salesRep: sales, buyer: account, newSession }) => {
    await configureBusinessQuote(sales.page, "10");
    const link = await issue(sales.page, "生成报价链接");
    const buyer = await newSession(); // the customer's browser: no session
    const page = buyer.page;
    const wizard = new BuyWizard(page);
    await wizard.open(`${link}/checkout`);
    await wizard.acceptAgreements();
    await wizard.continue();
    await wizard.signUp({ ...account, name: "篡改者" });
    await wizard.fillOrganisation({ organisation: "篡改测试有限公司", contact: "篡改者", mobile: "13700137000" });
    await wizard.continue();
    await expect(wizard.reviewTotal).toHaveText("¥47,239.20");
    // The order request leaves the browser claiming ¥1.00.
    let tampered = false;
    await page.route("**/q/**/checkout**", async (route) => {
      const body = route.request().postData();
      if (route.request().method() !== "POST" || !body?.includes('"expectedTotal"')) return route.continue();
      tampered = true;
      await route.continue({ postData: body.replace('"expectedTotal":"47239.20"', '"expectedTotal":"1.00"') });
    });
    await wizard.placeOrderButton.click();
    await expect(page.getByRole("alert").filter({ hasText: "价格已更新为" })).toHaveText("价格已更新为 ¥47,239.20，请确认新价格后再提交。");
    expect(tampered).toBe(true);
    await expect(page).toHaveURL(/\/checkout/);
    await page.goto("/console/orders");
    await expect(page.getByText("¥1.00")).toHaveCount(0);
    await expect(page.getByText("¥47,239.20")).toHaveCount(0);
    await buyer.close();
    await sales.close();
  });
});
