import { expect, expectAccessible, test, useEnglish } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

test.describe("/buy configurator", () => {
  test("a shared link restores the cart and its exact price", async ({ page }) => {
    await page.goto("/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1");
    await expect(page.getByRole("radio", { name: /商业版/ })).toBeChecked();
    await expect(page.getByRole("spinbutton", { name: "高级账号数量" })).toHaveValue("30");
    await expect(page.getByTestId("summary-total")).toHaveText("¥52,488.00");
    await expect(page.getByText("30 × ¥1,390/席/年 × 1 年 = ¥41,700.00")).toBeVisible();
    await expect(page.getByText("按年购买比按月付费节省 ¥10,488.00")).toBeVisible();
    await expectAccessible(page);
  });

  test("updates the price on every input and keeps the cart in the URL", async ({ page }) => {
    await page.goto("/buy?edition=pro&seats=3&term=1y&step=addons");
    await expect(page.getByTestId("summary-total")).toHaveText("¥2,964.00");
    await page.getByRole("button", { name: "增加大型会议（500人）数量" }).click();
    await expect(page.getByTestId("summary-total")).toHaveText("¥13,752.00");
    await expect(page).toHaveURL(/add=large-meeting-500%3A1|add=large-meeting-500:1/);
    await page.getByRole("navigation", { name: "购买步骤" }).getByRole("button", { name: "2. 时长" }).click();
    await page.getByLabel("时长", { exact: true }).selectOption({ label: "2 年" });
    await expect(page.getByTestId("summary-total")).toHaveText("¥27,504.00");
    await page.reload();
    await expect(page.getByTestId("summary-total")).toHaveText("¥27,504.00");
  });

  test("a stepper stops at the remaining allowance", async ({ page }) => {
    await page.goto("/buy?edition=pro&seats=2&term=1y&add=large-meeting-500:1&step=addons");
    const more1000 = page.getByRole("button", { name: "增加大型会议（1000人）数量" });
    await more1000.click();
    await expect(page.getByRole("spinbutton", { name: "大型会议（1000人）数量" })).toHaveValue("1");
    await expect(more1000).toBeDisabled();
    await expect(page.getByRole("button", { name: "增加大型会议（500人）数量" })).toBeDisabled();
  });

  test("lowering seats under the add-ons shows the rule at the field with one-click fixes", async ({ page }) => {
    await page.goto("/buy?edition=business&seats=8&term=1y&add=large-meeting-500:8");
    await page.getByRole("button", { name: "减少高级账号数量" }).click();
    await page.getByRole("button", { name: "减少高级账号数量" }).click();
    const error = page.locator("[data-code=LARGE_MEETING_EXCEEDS_SEATS]");
    await expect(error).toContainText("大型会议合计 8 个，超过高级账号数 6");
    await error.getByRole("button", { name: "减少到 6 个" }).click();
    await expect(error).toHaveCount(0);
    await expect(page.getByTestId("summary-total")).toHaveText("¥73,068.00");
  });

  test("points pro buyers with 6 seats to business", async ({ page }) => {
    await page.goto("/buy?edition=pro&seats=5&term=1y");
    await page.getByRole("spinbutton", { name: "高级账号数量" }).fill("6");
    await page.getByRole("button", { name: "改为商业版" }).click();
    await expect(page.getByRole("radio", { name: /商业版/ })).toBeChecked();
    await expect(page.getByTestId("summary-total")).toHaveText("¥8,340.00");
  });

  test("a broken link shows its errors and changes nothing", async ({ page }) => {
    await page.goto("/buy?edition=pro&seats=lots&term=13m&add=mra:1&add=hologram:2&step=review");
    await expect(page.locator("[data-code]")).toHaveText([/数量须为 1–999 的整数/]);
    await expect(page.getByRole("region", { name: "订单摘要" }).getByRole("status")).toHaveText("有 4 个问题需要处理");
    await expect(new BuyWizard(page).next).toBeDisabled();
    await expect(page).toHaveURL(/seats=lots&term=13m/);
    await expectAccessible(page);
  });

  test("works in English", async ({ page }) => {
    await useEnglish(page);
    await page.goto("/buy?edition=education&seats=30&term=1y&add=large-meeting-500:1");
    await expect(page.getByTestId("summary-total")).toHaveText("¥33,588.00");
    await expect(page.getByText("30 × ¥760/seat/yr × 1 yr = ¥22,800.00")).toBeVisible();
  });

  test("a configuration only sales can price leads to the contact-sales form, preselected", async ({ page }) => {
    await page.goto("/buy?edition=enterprise&seats=300&term=1y");
    await page.getByRole("link", { name: "联系销售获取企业版报价" }).click();
    await expect(page).toHaveURL(/\/contact-sales\?edition=enterprise$/);
    await expect(page.getByRole("radio", { name: /^企业版/ })).toBeChecked();
    await page.goto("/buy?edition=business&seats=6&term=1y&step=addons");
    await page.getByRole("link", { name: "联系销售" }).last().click();
    await expect(page).toHaveURL(/\/contact-sales\?addon=webinar-20000$/);
    await expect(page.getByRole("radio", { name: /^Webinar（20000观众）/ })).toBeChecked();
  });
});
