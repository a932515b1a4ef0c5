import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";

async function signUpFromOrganisationStep(page: Page) {
  await page.getByRole("link", { name: "注册新账号" }).click();
  await page.getByLabel("姓名").fill("李雷");
  await page.getByLabel("邮箱").fill(`buyer-${randomUUID()}@example.com`);
  await page.getByLabel("密码").fill("correct horse battery");
  await page.getByRole("button", { name: "注册" }).click();
}

const examples = [
  ["pro, 3 seats + 1 large-meeting-500", "/buy?edition=pro&seats=3&term=1y&add=large-meeting-500:1", "¥13,752.00"],
  ["business, 30 seats + 1 large-meeting-500", "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1", "¥52,488.00"],
  ["free + 10 Rooms", "/buy?edition=free&term=1y&add=rooms:10", "¥35,000.00"],
] as const;

test.describe("checkout", () => {
  for (const [name, link, total] of examples) {
    test(`${name}: agreements, sign-up, organisation and review lead to a stored order of ${total}`, async ({ page }) => {
      await page.goto(link);
      const next = page.getByRole("button", { name: "继续" });
      await expect(page.getByTestId("summary-total")).toHaveText(total);
      await next.click(); // → term
      await expectAccessible(page);
      await next.click(); // → add-ons
      await expectAccessible(page);
      await next.click(); // → agreements
      await expect(next).toBeDisabled();
      for (const box of await page.getByRole("checkbox").all()) await box.check();
      await expectAccessible(page);
      await next.click(); // → organisation
      await signUpFromOrganisationStep(page);
      await expect(page).toHaveURL(/step=organisation/);
      await expect(page.getByTestId("summary-total")).toHaveText(total);
      await page.getByLabel("组织名称").fill("星河科技有限公司");
      await page.getByLabel("联系人").fill("李雷");
      await page.getByLabel("手机号").fill("1380013800");
      await page.getByLabel("手机号").blur();
      await expect(page.getByText("请填写有效的中国大陆手机号")).toBeVisible();
      await page.getByLabel("手机号").fill("13800138000");
      await page.getByRole("radio", { name: "增值税普通发票" }).check();
      await page.getByLabel("发票抬头").fill("星河科技有限公司");
      await page.getByLabel("统一社会信用代码").fill("91350100M000100Y43");
      await expectAccessible(page);
      await page.getByRole("button", { name: "继续" }).click();
      await expect(page.getByRole("heading", { name: /确认订单/ })).toBeVisible();
      await page.getByRole("button", { name: "提交订单" }).dblclick();
      await expect(page).toHaveURL(/\/orders\//);
      await expect(page.getByTestId("order-total")).toHaveText(total);
      await expect(page.getByText("待付款").first()).toBeVisible();
      await expectAccessible(page);
    });
  }

  test("a returning buyer with a free organisation chooses to upgrade it in place", async ({ page }) => {
    const fillDetails = async () => {
      await page.getByLabel("组织名称").fill("星河科技有限公司");
      await page.getByLabel("联系人").fill("李雷");
      await page.getByLabel("手机号").fill("13800138000");
      await page.getByRole("button", { name: "继续" }).click();
    };
    const throughAgreements = async (link: string) => {
      await page.goto(link);
      const next = page.getByRole("button", { name: "继续" });
      for (let i = 0; i < 3; i++) await next.click();
      for (const box of await page.getByRole("checkbox").all()) await box.check();
      await next.click();
    };
    await throughAgreements("/buy?edition=free&term=1y&add=rooms:1");
    await signUpFromOrganisationStep(page);
    await fillDetails();
    await page.getByRole("button", { name: "提交订单" }).click();
    await expect(page).toHaveURL(/\/orders\//);

    await throughAgreements("/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1");
    await fillDetails();
    await expect(page.getByRole("heading", { name: /升级方式/ })).toBeVisible();
    const next = page.getByRole("button", { name: "继续" });
    await expect(next).toBeDisabled();
    await page.getByRole("radio", { name: /升级现有组织“星河科技有限公司”/ }).check();
    await expectAccessible(page);
    await next.click();
    await expect(page.getByText("升级“星河科技有限公司”")).toBeVisible();
    await page.getByRole("button", { name: "提交订单" }).click();
    await expect(page).toHaveURL(/\/orders\//);
    await expect(page.getByTestId("order-total")).toHaveText("¥52,488.00");
  });

  test("the whole flow works from the keyboard alone", async ({ page }) => {
    /** Tabs forward until `target` has focus, as a keyboard user would. */
    const tabTo = async (target: Locator) => {
      for (let i = 0; i < 300 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
      await expect(target).toBeFocused();
    };
    const press = async (target: Locator, key = "Enter") => {
      await tabTo(target);
      await page.keyboard.press(key);
    };
    const type = async (target: Locator, text: string) => {
      await tabTo(target);
      await page.keyboard.type(text);
    };
    await page.goto("/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1");
    const next = page.getByRole("button", { name: "继续" });
    for (const step of ["时长", "附加项", "协议"]) {
      await press(next);
      await expect(page.locator("#step-heading")).toContainText(step);
    }
    const boxes = page.getByRole("checkbox");
    for (let i = 0; i < (await boxes.count()); i++) await press(boxes.nth(i), "Space");
    await press(next);
    await press(page.getByRole("link", { name: "注册新账号" }));
    await type(page.getByLabel("姓名"), "韩梅梅");
    await type(page.getByLabel("邮箱"), `keys-${randomUUID()}@example.com`);
    await type(page.getByLabel("密码"), "correct horse battery");
    await press(page.getByRole("button", { name: "注册" }));
    await expect(page).toHaveURL(/step=organisation/);
    await type(page.getByLabel("组织名称"), "键盘科技有限公司");
    await type(page.getByLabel("联系人"), "韩梅梅");
    await type(page.getByLabel("手机号"), "13900139000");
    await press(page.getByRole("button", { name: "继续" }));
    await expect(page.locator("#step-heading")).toContainText("确认订单");
    await expectAccessible(page);
    await press(page.getByRole("button", { name: "提交订单" }));
    await expect(page).toHaveURL(/\/orders\//);
    await expect(page.getByTestId("order-total")).toHaveText("¥52,488.00");
  });

  test("checks out in English", async ({ page }) => {
    await useEnglish(page);
    await page.goto("/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1");
    const next = page.getByRole("button", { name: "Continue" });
    for (let i = 0; i < 3; i++) await next.click();
    for (const box of await page.getByRole("checkbox").all()) await box.check();
    await next.click();
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Name").fill("Han Meimei");
    await page.getByLabel("Email").fill(`en-${randomUUID()}@example.com`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByLabel("Organisation name").fill("Keyboard Tech Ltd");
    await page.getByLabel("Contact person").fill("Han Meimei");
    await page.getByLabel("Mobile number").fill("139 0013 9000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("30 × ¥1,390/seat/yr × 1 yr = ¥41,700.00").first()).toBeVisible();
    await page.getByRole("button", { name: "Place order" }).click();
    await expect(page).toHaveURL(/\/orders\//);
    await expect(page.getByTestId("order-total")).toHaveText("¥52,488.00");
    await expect(page.getByText("Awaiting payment").first()).toBeVisible();
  });
});
