import { randomUUID } from "node:crypto";
import { expect, expectAccessible, OPERATOR, test, useEnglish } from "./fixtures";

// Issue 11 item 10: what an operator does shows in the audit log, newest first, filterable.

test.describe("the audit log", () => {
  test("an operator creates a voucher and then finds it in the audit log, filtered by action and by actor, in both languages", async ({
    operator: staff,
  }) => {
    const code = `AUD-${randomUUID().slice(0, 8).toUpperCase()}`;
    const { page } = await staff.open("/operator/vouchers");
    await page.getByLabel("代码").fill(code);
    await page.getByRole("radio", { name: "折扣券（百分比）" }).check();
    await page.getByLabel("折扣（%）").fill("10");
    await page.getByRole("button", { name: "创建" }).click();
    await expect(page.getByRole("status")).toHaveText(`已创建代金券 ${code}。`);

    await page.getByRole("navigation", { name: /运营/ }).getByRole("link", { name: "审计日志" }).click();
    await expect(page).toHaveURL("/operator/audit");
    await expect(page.getByRole("heading", { name: "审计日志", level: 1 })).toBeVisible();
    const entries = page.getByRole("table", { name: "审计记录" });
    const row = entries.getByRole("row", { name: /创建代金券/ }).filter({ hasText: code });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(OPERATOR.email);
    // Newest first: the voucher just created is the first entry.
    await expect(entries.getByRole("row").nth(1)).toContainText(code);
    // Its state after: the voucher as stored.
    await row.getByText("变更后").click();
    await expect(row.locator("pre")).toContainText(`"code": "${code}"`);
    await expectAccessible(page);

    await page.getByLabel("操作", { exact: true }).selectOption({ label: "创建代金券" });
    await page.getByLabel("操作人").selectOption(OPERATOR.email);
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/kind=create-voucher/);
    await expect(page).toHaveURL(/actor=/);
    await expect(entries.getByRole("row", { name: /创建代金券/ }).filter({ hasText: code })).toHaveCount(1);
    await expect(entries.getByRole("row", { name: /批准报价/ })).toHaveCount(0);

    await useEnglish(page);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    await expect(
      page
        .getByRole("table", { name: "Audit entries" })
        .getByRole("row", { name: /Create voucher/ })
        .filter({ hasText: code }),
    ).toHaveCount(1);
    await expectAccessible(page);
  });

  test("a buyer cannot read it", async ({ page, signedInBuyer }) => {
    expect(signedInBuyer.email).toContain("@");
    await page.goto("/operator/audit");
    await expect(page).toHaveURL(/\/forbidden/);
  });
});
