import type { Page } from "@playwright/test";
import { expect, expectAccessible, OPERATOR, test, useEnglish } from "./fixtures";
import { SignInForm } from "./pages/auth";
import { PUBLIC_PAGES } from "./pages/public-pages";
import { BuyWizard, OrderPage } from "./pages/wizard";

// Runs in the "phone" project only (390×844, touch): every page fits the screen and passes axe.

/** The page is no wider than the screen: nothing scrolls sideways (a wide table scrolls inside its own box). */
async function expectFits(page: Page) {
  await page.waitForLoadState("load");
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth, page.url()).toBe(390);
  expect(scrollWidth, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** Dates, amounts and order numbers marked as tokens sit on one line each. */
async function expectTokensUnbroken(page: Page) {
  const broken = await page.evaluate(() =>
    [...document.querySelectorAll("[data-token]")]
      .filter((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
      })
      .map((el) => el.textContent),
  );
  expect(broken, page.url()).toEqual([]);
}

async function expectPhoneReady(page: Page) {
  await expectFits(page);
  await expectTokensUnbroken(page);
  await expectAccessible(page);
}

/** The header's links each stay on one line (they wrapped one character per line). */
async function expectHeaderOnOneLinePerLink(page: Page) {
  const nav = page.getByRole("banner");
  for (const link of await nav.getByRole("link").all()) {
    const box = await link.boundingBox();
    expect(box, (await link.textContent()) ?? "").not.toBeNull();
    expect(box!.height, `${await link.textContent()} wraps`).toBeLessThan(40);
  }
  for (const button of await nav.getByRole("button").all()) {
    const box = await button.boundingBox();
    expect(box!.height, `${await button.textContent()} wraps`).toBeLessThan(48);
  }
}

test.describe("a phone (390×844)", () => {
  for (const locale of ["zh-CN", "en"] as const) {
    test(`${locale}: every public page fits the screen and passes axe`, async ({ page }) => {
      test.slow();
      if (locale === "en") await useEnglish(page);
      for (const path of PUBLIC_PAGES) {
        await page.goto(path);
        await expectPhoneReady(page);
        await expectHeaderOnOneLinePerLink(page);
      }
    });
  }

  test("the add-on price table becomes cards no taller than a few screens", async ({ page }) => {
    await page.goto("/pricing");
    const table = page.getByRole("table", { name: "附加项价格" });
    const box = await table.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    expect(box!.height).toBeLessThan(4000);
    // Each card still names its price by column.
    await expect(table.getByRole("row", { name: /会议室连接器 MRA/ })).toContainText("¥5,000");
  });

  test("checkout: the total stays in view on every step, the review shows the lines above the button, the order and services fit", async ({
    page,
    buyer,
  }) => {
    test.slow();
    const wizard = new BuyWizard(page);
    await wizard.open("/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1");
    for (const step of ["edition", "term", "addons"]) {
      await expect(wizard.stepHeading).toBeVisible();
      await expect(wizard.summaryTotal, step).toBeInViewport();
      await expect(wizard.summaryTotal).toHaveText("¥52,488.00");
      await expectPhoneReady(page);
      await page.mouse.wheel(0, 2000);
      await expect(wizard.summaryTotal, `${step}, scrolled`).toBeInViewport();
      await wizard.continueToNextStep();
    }
    await wizard.acceptAgreements();
    await expect(wizard.summaryTotal).toBeInViewport();
    await expectPhoneReady(page);
    await wizard.continue();
    await expectPhoneReady(page);
    await wizard.signUp({ ...buyer, name: "手机用户" });
    await wizard.fillOrganisation({ organisation: "掌上科技有限公司", contact: "手机用户", mobile: "13700137000" });
    await expectPhoneReady(page);
    await wizard.continue();
    await wizard.expectReview();
    await expectPhoneReady(page);
    // The review lists what is bought before the button that buys it.
    const review = page.getByRole("region", { name: "确认订单" });
    await expect(review.getByText("30 × ¥1,390/席/年 × 1 年 = ¥41,700.00")).toBeVisible();
    const line = await review.getByText("大型会议（500人）", { exact: true }).boundingBox();
    const button = await wizard.placeOrderButton.boundingBox();
    expect(line!.y).toBeLessThan(button!.y);
    await expect(wizard.reviewTotal).toHaveText("¥52,488.00");
    await wizard.placeOrder();

    const order = new OrderPage(page);
    await expect(order.total).toHaveText("¥52,488.00");
    await expectPhoneReady(page);
    const number = await order.number();
    await page.goto("/console/orders");
    await expect(page.getByText(number)).toBeVisible();
    await expectPhoneReady(page);
    await page.goBack();
    await order.startPayment();
    await expect(page).toHaveURL(/\/pay\/sandbox\//);
    await expectPhoneReady(page);
    await order.sandbox("支付");
    await expect(page.getByText("已开通").first()).toBeVisible();
    await expectPhoneReady(page);
    await page.goto("/console/services");
    await expect(page.getByTestId("expires-business")).toBeVisible();
    await expectPhoneReady(page);
    // A date is one token: "2027年12月1日" never runs into the quantity or breaks across lines.
    await expect(page.getByTestId("expires-business")).toHaveAttribute("data-token", "");
    await page.goto("/console/orders");
    await expectPhoneReady(page);
  });

  test("sales and operator pages fit: the builder, a quote, its link and checkout, every operator queue", async ({
    salesRep: sales,
    newSession,
  }) => {
    test.slow();
    const rep = sales.page;
    await rep.setViewportSize({ width: 390, height: 844 });
    await expectPhoneReady(rep);
    await rep.getByRole("radio", { name: /^商业版/ }).check();
    await rep.getByRole("spinbutton", { name: "高级账号数量" }).fill("30");
    await rep.getByLabel("客户名称").fill("杭州示例科技有限公司");
    await rep.getByLabel("客户邮箱").fill("wang@example.cn");
    await rep.getByLabel("折扣（%）").fill("10");
    await expect(rep.getByTestId("summary-total")).toHaveText("¥37,530.00");
    await expectPhoneReady(rep);
    await rep.getByRole("button", { name: "生成报价链接" }).click();
    await expect(rep.getByRole("heading", { name: /已生成$/ })).toBeVisible();
    const link = await rep.getByLabel("报价链接").inputValue();
    await expectPhoneReady(rep);
    await rep.getByRole("link", { name: "查看报价" }).click();
    await expect(rep).toHaveURL(/\/sales\/quotes\/[^/]+$/);
    await expectPhoneReady(rep);
    await rep.getByRole("link", { name: "修订报价" }).click();
    await expect(rep.getByLabel("折扣（%）")).toHaveValue("10");
    await expectPhoneReady(rep);
    await rep.goto("/sales/quotes");
    await expectPhoneReady(rep);

    const customer = await newSession();
    await customer.page.setViewportSize({ width: 390, height: 844 });
    await customer.page.goto(link);
    await expect(customer.page.getByTestId("quote-total")).toHaveText("¥37,530.00");
    await expectPhoneReady(customer.page);
    await customer.page.getByRole("link", { name: "接受报价并下单" }).click();
    await expect(new BuyWizard(customer.page).summaryTotal).toBeInViewport();
    await expectPhoneReady(customer.page);

    const staff = await newSession();
    await staff.page.setViewportSize({ width: 390, height: 844 });
    await staff.page.goto("/operator/verifications");
    await new SignInForm(staff.page).submit(OPERATOR);
    await expect(staff.page).toHaveURL("/operator/verifications");
    for (const path of ["verifications", "leads", "vouchers", "quotes", "staff", "audit"]) {
      await staff.page.goto(`/operator/${path}`);
      await expectPhoneReady(staff.page);
    }
  });
});
