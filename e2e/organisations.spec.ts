import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, useEnglish, type Account } from "./fixtures";
import { BuyWizard, OrderPage, type Organisation } from "./pages/wizard";

const STAR_RIVER: Organisation = { organisation: "星河科技有限公司", contact: "李雷", mobile: "13800138000" };
const BUSINESS = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1";

/** A new buyer orders `link` for `org` (signing up on the way); ends on the order page, unpaid. */
async function firstOrder(wizard: BuyWizard, buyer: Account, link: string, org: Organisation) {
  await wizard.reachReview(link, buyer, org);
  await wizard.placeOrder();
}

/** Pays the order on its page in the sandbox and waits until it is fulfilled. */
async function pay(page: Page, order: OrderPage) {
  await order.startPayment();
  await order.sandbox("支付");
  await expect(page.getByText("已开通").first()).toBeVisible();
}

/** A signed-in buyer takes `link` to the step after the organisation step, typing the organisation in with the keyboard. */
async function againToAfterOrganisation(wizard: BuyWizard, link: string, org: Organisation) {
  await wizard.open(link);
  await wizard.toAgreements();
  await wizard.acceptAgreements();
  await wizard.continue();
  await wizard.organisationName.pressSequentially(org.organisation);
  await wizard.contactPerson.pressSequentially(org.contact);
  await wizard.mobile.pressSequentially(org.mobile);
  await wizard.continue();
}

/** "Mar 5, 2027" as the app writes a day in `locale`, in China's time zone, a year after `from`. */
function aYearOn(from: Date, locale: string) {
  const day = new Date(from);
  day.setUTCFullYear(day.getUTCFullYear() + 1);
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(day);
}

test.describe("the organisation an order is for", () => {
  test("an abandoned order leaves no organisation: starting again offers no duplicate", async ({ page, buyer, wizard }) => {
    test.slow();
    await firstOrder(wizard, buyer, BUSINESS, STAR_RIVER);
    const orderUrl = page.url();
    // Let it expire: the e2e server takes a moved clock per request (QUORUM_TEST_CLOCK=1); 31 minutes on.
    await page.setExtraHTTPHeaders({ "x-quorum-test-now": new Date(Date.now() + 31 * 60_000).toISOString() });
    await page.goto(orderUrl);
    await expect(page.getByText("已过期").first()).toBeVisible();

    // The console shows no organisation for an order nobody paid.
    await page.goto("/console/services");
    await expect(page.getByRole("heading", { name: STAR_RIVER.organisation })).toHaveCount(0);
    await expect(page.getByText("还没有已开通的服务。")).toBeVisible();

    // Starting again is a first purchase again: organisation details, then straight to review.
    await page.goto(orderUrl);
    await page.getByRole("link", { name: "按原配置重新下单" }).click();
    await againToAfterOrganisation(wizard, BUSINESS, STAR_RIVER);
    await wizard.expectReview();
    await expect(wizard.stepButton(/升级方式/)).toHaveCount(0);
    await expect(page.getByText(/升级现有组织/)).toHaveCount(0);
    await page.reload();
    await wizard.expectReview();
    await expect(wizard.stepButton(/升级方式/)).toHaveCount(0);
    await wizard.placeOrder();
    await expect(new OrderPage(page).total).toHaveText("¥52,488.00");
  });

  test("a buyer with a free organisation sees it with edition, seats and expiry; upgrading keeps its name", async ({
    page,
    buyer,
    wizard,
    order,
  }) => {
    test.slow();
    await page.setViewportSize({ width: 390, height: 844 });
    await firstOrder(wizard, buyer, "/buy?edition=free&term=1y&add=rooms:1", STAR_RIVER);
    const paidAt = new Date();
    await pay(page, order);

    // The buyer types another name this time; an in-place upgrade says it keeps the organisation's own.
    await againToAfterOrganisation(wizard, BUSINESS, { ...STAR_RIVER, organisation: "星河控股" });
    await wizard.expectUpgradeStep();
    await expect(wizard.next).toBeDisabled();
    const inPlace = wizard.upgradeInPlace(STAR_RIVER.organisation);
    await expect(page.getByRole("radio")).toHaveCount(2);
    await expect(page.getByText(`免费版 · 无高级账号 · 服务有效期至 ${aYearOn(paidAt, "zh-CN")}`)).toBeVisible();
    await expect(page.getByText("原地升级后组织仍名为“星河科技有限公司”。 您填写的名称“星河控股”不会用于该组织。")).toBeVisible();
    await expect(wizard.newOrganisation("星河控股")).toBeVisible();
    // The picker fits the phone's width.
    // The innermost fieldset holding the choice: the picker's own (the wizard's step fieldset holds it too).
    const box = await page.locator("fieldset").filter({ has: inPlace }).last().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await inPlace.check();
    await wizard.continue();
    await wizard.expectReview();
    await expect(page.getByText("升级“星河科技有限公司”")).toBeVisible();
    await expect(page.getByText(/^星河科技有限公司 · 李雷/)).toBeVisible();
    await expect(page.getByText(/星河控股/).first()).toBeVisible();
    await wizard.placeOrder();
    await expect(page.getByText(/星河科技有限公司 · 李雷/)).toBeVisible();
    await pay(page, order);
    await page.goto("/console/services");
    await expect(page.getByRole("heading", { name: "星河科技有限公司" })).toHaveCount(1);
    await expect(page.getByRole("heading", { name: "星河控股" })).toHaveCount(0);
    await expect(page.getByText("版本：商业版，30 个高级账号")).toBeVisible();
  });

  for (const locale of ["zh-CN", "en"] as const) {
    test(`a buyer with a paid business organisation is offered "add to this organisation", not a second purchase (${locale})`, async ({
      page,
      buyer,
      wizard,
      order,
    }) => {
      test.slow();
      const org = { organisation: "云付科技有限公司", contact: "付款人", mobile: "13700137000" };
      await firstOrder(wizard, buyer, BUSINESS, org);
      const paidAt = new Date();
      await pay(page, order);

      if (locale === "en") await useEnglish(page);
      const again = locale === "en" ? new BuyWizard(page, "en") : wizard;
      await againToAfterOrganisation(again, "/buy?edition=business&seats=10&term=1y", org);
      await again.expectUpgradeStep();
      const paid = again.paidOrganisations;
      await expect(paid).toBeVisible();
      await expect(paid.getByText(org.organisation, { exact: true })).toBeVisible();
      const facts =
        locale === "en"
          ? `Business · 30 premium accounts · services until ${aYearOn(paidAt, "en")}`
          : `商业版 · 30 个高级账号 · 服务有效期至 ${aYearOn(paidAt, "zh-CN")}`;
      await expect(paid.getByText(facts)).toBeVisible();
      // It cannot be upgraded in place or bought again by default: the only way on is an explicit new organisation.
      await expect(page.getByRole("radio")).toHaveCount(1);
      await expect(again.newOrganisation(org.organisation)).not.toBeChecked();
      await expect(again.next).toBeDisabled();
      await expectAccessible(page);

      await again.addTo(org.organisation).click();
      await expect(page).toHaveURL(/\/console\/services#org-/);
      await expect(page.getByRole("heading", { name: org.organisation })).toBeVisible();
      await expect(
        page.getByText(locale === "en" ? "Edition: Business, 30 premium accounts" : "版本：商业版，30 个高级账号"),
      ).toBeVisible();

      // Back in the wizard nothing was bought and nothing is chosen.
      await page.goBack();
      await again.expectUpgradeStep();
      await expect(again.next).toBeDisabled();
      await page.goto("/console/orders");
      await expect(page.getByRole("row")).toHaveCount(2); // the header and the one paid order
    });
  }
});
