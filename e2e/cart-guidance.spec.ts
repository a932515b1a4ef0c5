import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

// Issue 10, items 5–8: every rule the buyer meets leads somewhere — a fix that works, a term menu
// without impossible terms, sales with the seats carried over, a prompt instead of an error, and
// each problem in the summary a link to its field.
const TEXT = {
  "zh-CN": {
    summary: "订单摘要",
    seats: "高级账号数量",
    addWebinar500: "增加Webinar（500观众）数量",
    webinar500Term: "Webinar（500观众）时长",
    webinar300Term: "网络研讨会 Webinar（300观众）时长",
    largeMeeting: "大型会议（500人）数量",
    seatsYearly: "账号改为按年购买",
    removeLine: "移除此项",
    lowerSeats: "把账号数减少到 255",
    contactSales300: "联系销售咨询 300 个账号的企业版",
    followSeats: "与账号时长相同",
    year: (n: number) => `${n} 年`,
    month: (n: number) => `${n} 个月`,
    business: /^商业版/,
    enterprise: /^企业版/,
    contactSeats: "预计高级账号数量",
    noTotal: "尚未计价",
    nothingPriced: "暂时无法计算价格：请先处理下列问题。",
    start: "选择版本后即可看到价格。",
    prompt: "请先选择一个版本，价格和后续步骤会随之显示。",
    chooseFirst: "请选择版本后继续。",
    problems: (n: number) => `有 ${n} 个问题需要处理`,
    addonsStep: "附加项",
    problemsList: "需要处理的问题",
    boundMessage: /仅按年购买，且时长不能超过高级账号/,
  },
  en: {
    summary: "Order summary",
    seats: "Premium accounts",
    addWebinar500: "Increase Webinar (500 attendees) quantity",
    webinar500Term: "Webinar (500 attendees) term",
    webinar300Term: "Webinar (300 attendees) term",
    largeMeeting: "Large meeting (500) quantity",
    seatsYearly: "Buy the accounts by the year",
    removeLine: "Remove this line",
    lowerSeats: "Lower accounts to 255",
    contactSales300: "Ask sales about Enterprise for 300 accounts",
    followSeats: "Same as the accounts",
    year: (n: number) => (n === 1 ? "1 year" : `${n} years`),
    month: (n: number) => (n === 1 ? "1 month" : `${n} months`),
    business: /^Business/,
    enterprise: /^Enterprise/,
    contactSeats: "Expected premium accounts",
    noTotal: "not priced yet",
    nothingPriced: "Nothing can be priced yet: fix the problems below.",
    start: "Choose an edition to see its price.",
    prompt: "Choose an edition to begin: its price and the next steps follow from your choice.",
    chooseFirst: "Choose an edition to continue.",
    problems: (n: number) => (n === 1 ? "1 problem to fix" : `${n} problems to fix`),
    addonsStep: "Add-ons",
    problemsList: "Problems to fix",
    boundMessage: /sold by the year only and cannot run longer than the premium accounts/,
  },
} as const;

type Locale = keyof typeof TEXT;
const summary = (page: Page, locale: Locale) => page.getByRole("region", { name: TEXT[locale].summary });

for (const locale of ["zh-CN", "en"] as const) {
  const text = TEXT[locale];
  test.describe(`cart guidance (${locale})`, () => {
    test.beforeEach(async ({ page }) => {
      if (locale === "en") await useEnglish(page);
    });

    test("a yearly-only webinar on a 1-month term: “buy the accounts by the year” ends the circle", async ({ page }) => {
      await page.goto("/buy?edition=business&seats=6&term=1m&step=addons");
      await page.getByRole("button", { name: text.addWebinar500 }).click();
      const error = page.locator("[data-code=BILLING_UNIT_NOT_SOLD]").first();
      await expect(error).toContainText(text.boundMessage);
      // The line's term menu offers nothing that would be refused: no year (longer than the seats), no month (not sold).
      const menu = page.getByRole("combobox", { name: text.webinar500Term });
      await expect(menu.locator("option")).toHaveText([text.followSeats]);
      // The fixes on offer are only ones that work: never "buy it by the year", which exceeds the seats' term.
      const row = page.locator("#addon-webinar-500-0-errors");
      await expect(row.getByRole("button")).toHaveText([text.removeLine, text.seatsYearly]);
      await expectAccessible(page);
      await row.getByRole("button", { name: text.seatsYearly }).click();
      await expect(page.locator("[data-code]")).toHaveCount(0);
      await expect(summary(page, locale).getByRole("status")).toHaveCount(0);
      await expect(page.getByTestId("summary-total")).toHaveText("¥20,340.00");
      await expect(page).toHaveURL(/term=1y/);
      await expect(menu.locator("option")).toHaveText([text.followSeats, text.year(1)]);
      await page.reload();
      await expect(page.getByTestId("summary-total")).toHaveText("¥20,340.00");
    });

    test("a line's term menu offers only terms that can pass", async ({ page }) => {
      await page.goto("/buy?edition=business&seats=6&term=6m&add=webinar-300:1&step=addons");
      const menu = page.getByRole("combobox", { name: text.webinar300Term });
      await expect(menu.locator("option")).toHaveText([text.followSeats, ...[1, 2, 3, 4, 5, 6].map((n) => text.month(n))]);
      await menu.selectOption({ label: text.month(3) });
      await expect(page.locator("[data-code]")).toHaveCount(0);
      await expect(page.getByTestId("summary-total")).toHaveText("¥9,201.00");
    });

    test("300 business accounts: lower to 255, or take the 300 to sales; never “nothing chosen ¥0.00”", async ({ page }) => {
      await page.goto("/buy?edition=business&seats=6&term=1y");
      const seats = page.getByRole("spinbutton", { name: text.seats });
      await seats.fill("300");
      await expect(seats).toHaveValue("300");
      const error = page.locator("#seats-errors [data-code=SEATS_OUT_OF_RANGE]");
      await expect(error.getByRole("button", { name: text.lowerSeats })).toBeVisible();
      await expect(error.getByRole("link", { name: text.contactSales300 })).toBeVisible();
      await expect(summary(page, locale)).toContainText(text.nothingPriced);
      await expect(page.getByTestId("summary-total")).toHaveText(text.noTotal);
      await expect(summary(page, locale).getByRole("status")).toHaveText(text.problems(1));
      await expectAccessible(page);

      await error.getByRole("link", { name: text.contactSales300 }).click();
      await expect(page).toHaveURL(/\/contact-sales\?edition=enterprise&seats=300$/);
      await expect(page.getByRole("radio", { name: text.enterprise })).toBeChecked();
      await expect(page.getByLabel(text.contactSeats)).toHaveValue("300");
      await expectAccessible(page);

      // Back to the same cart (Back after an in-page edit is item 4's, tested in its own spec).
      await page.goto("/buy?edition=business&seats=300&term=1y");
      await page.locator("#seats-errors").getByRole("button", { name: text.lowerSeats }).click();
      await expect(seats).toHaveValue("255");
      await expect(page.locator("[data-code]")).toHaveCount(0);
      await expect(page.getByTestId("summary-total")).toHaveText("¥354,450.00");
    });

    test("bare /buy asks to choose an edition, with no error", async ({ page }) => {
      await page.goto("/buy");
      const editions = page.getByRole("group", { name: locale === "en" ? "Edition" : "版本", exact: true });
      await expect(editions).toHaveAccessibleDescription(text.prompt);
      await expect(page.locator("[data-code]")).toHaveCount(0);
      await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
      await expect(summary(page, locale)).toContainText(text.start);
      await expect(summary(page, locale).getByRole("status")).toHaveCount(0);
      await expect(page.getByText(text.chooseFirst)).toBeVisible();
      await expect(new BuyWizard(page, locale).next).toBeDisabled();
      await expectAccessible(page);
      await page.getByRole("radio", { name: text.business }).check();
      await expect(page.getByText(text.prompt)).toHaveCount(0);
      await expect(page.getByRole("spinbutton", { name: text.seats })).toHaveValue("6");
      await expect(page.getByTestId("summary-total")).toHaveText("¥8,340.00");
      await expect(new BuyWizard(page, locale).next).toBeEnabled();
    });

    test("a problem on another step is listed as a link that opens its step and focuses its field", async ({ page }) => {
      await page.goto("/buy?edition=business&seats=8&term=1y&add=large-meeting-500:8");
      const seats = page.getByRole("spinbutton", { name: text.seats });
      await seats.fill("6");
      const problems = summary(page, locale).getByRole("list", { name: text.problemsList });
      await expect(summary(page, locale).getByRole("status")).toHaveText(text.problems(1));
      const link = problems.getByRole("link");
      await expect(link).toHaveCount(1);
      await expect(link).toContainText(text.addonsStep);
      await expect(link).toHaveAttribute("href", /step=addons#addon-large-meeting-500-0$/);
      await expectAccessible(page);
      // With the keyboard, as a buyer tabbing to it would.
      await link.focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/step=addons/);
      const field = page.getByRole("spinbutton", { name: text.largeMeeting, exact: true });
      await expect(field).toBeFocused();
      await expect(field).toHaveAttribute("aria-invalid", "true");
    });
  });
}
