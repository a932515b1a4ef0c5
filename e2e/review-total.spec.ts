import { randomUUID } from "node:crypto";
import { catalog } from "../lib/catalog";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

// Issue 10, item 16: with a voucher, the review card and the summary beside it show one total, and
// both show the voucher as its own line.

const TEXT = {
  "zh-CN": { summary: "订单摘要", review: "确认订单", total: "合计", voucher: (c: string) => `代金券 ${c}` },
  en: { summary: "Order summary", review: "Review", total: "Total", voucher: (c: string) => `Voucher ${c}` },
} as const;

const yuan = (fen: number) => `¥${(fen / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;

for (const locale of ["zh-CN", "en"] as const) {
  test(`${locale}: a ¥500 voucher at review gives one total, in the summary and the review card, each with the voucher line`, async ({
    page,
    buyer,
    operator: staff,
  }) => {
    test.slow();
    const text = TEXT[locale];
    const code = `ONE-${randomUUID().slice(0, 8).toUpperCase()}`;
    const operator = await staff.open("/operator/vouchers");
    await operator.page.getByLabel("代码").fill(code);
    await operator.page.getByRole("radio", { name: "现金券（抵扣金额）" }).check();
    await operator.page.getByLabel("抵扣金额（元）").fill("500");
    await operator.page.getByRole("button", { name: "创建" }).click();
    await expect(operator.page.getByRole("status")).toHaveText(`已创建代金券 ${code}。`);
    await operator.close();

    // 10 business seats for a year, from the catalog's list price, less the voucher's ¥500.
    const business = catalog.editions.find((e) => e.id === "business")!;
    const listed = 10 * Math.round(Number(business.prices.year) * 100);
    const total = yuan(listed - 50_000);

    if (locale === "en") await useEnglish(page);
    const wizard = new BuyWizard(page, locale);
    await wizard.reachReview("/buy?edition=business&seats=10&term=1y", buyer, {
      organisation: "一价科技有限公司",
      contact: "李雷",
      mobile: "13700137000",
    });
    await expect(wizard.summaryTotal).toHaveText(yuan(listed));
    await wizard.applyVoucher(code);

    const summary = page.getByRole("region", { name: text.summary });
    const review = page.getByRole("region", { name: text.review });
    await expect(wizard.reviewTotal).toHaveText(total);
    await expect(wizard.summaryTotal).toHaveText(total);
    for (const card of [summary, review]) {
      await expect(card.getByRole("term").filter({ hasText: text.voucher(code) })).toBeVisible();
      await expect(card.getByText("-¥500.00", { exact: true })).toBeVisible();
      await expect(card.getByText(yuan(listed), { exact: true }).first()).toBeVisible();
    }
    // The review's total is labelled as the summary's is.
    await expect(review.getByText(text.total, { exact: true })).toBeVisible();
    await expect(summary.getByText(text.total, { exact: true })).toBeVisible();
    await expectAccessible(page);

    // Removing the voucher takes it out of both, again one total.
    await page.getByRole("button", { name: locale === "en" ? "Remove" : "移除" }).click();
    await expect(wizard.reviewTotal).toHaveText(yuan(listed));
    await expect(wizard.summaryTotal).toHaveText(yuan(listed));
    await expect(page.getByRole("term").filter({ hasText: text.voucher(code) })).toHaveCount(0);
  });
}
