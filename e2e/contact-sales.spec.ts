import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";

/** Focus and live checks need React; a submit before hydration posts the form to the server instead. */
const hydrated = (page: Page) => expect(page.locator("form[data-hydrated]")).toBeAttached();

test.describe("/contact-sales", () => {
  test("from the Enterprise card: a bad mobile is flagged at its field, the fixed form lands on the thanks page", async ({ page }) => {
    await page.goto("/pricing");
    await page.getByRole("article", { name: "企业版" }).getByRole("link", { name: "联系销售" }).click();
    await expect(page).toHaveURL(/\/contact-sales\?edition=enterprise$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("咨询企业版");
    await expect(page.getByRole("radio", { name: /^企业版/ })).toBeChecked();
    await hydrated(page);
    await expectAccessible(page);

    await page.getByLabel("机构名称").fill("北京某某科技有限公司");
    await page.getByLabel("联系人姓名").fill("张三");
    await page.getByLabel("手机号码").fill("12812345678");
    await page.getByLabel("工作邮箱").fill("zhang@example.cn");
    await page.getByLabel("预计高级账号数量").fill("600");
    await page.getByLabel("留言").fill("需要 600 个账号和 1000 人的大型会议。");
    await page.getByRole("button", { name: "提交咨询" }).click();

    const mobile = page.getByLabel("手机号码");
    await expect(mobile).toBeFocused();
    await expect(mobile).toHaveAttribute("aria-invalid", "true");
    await expect(mobile).toHaveAccessibleDescription(/请填写有效的中国大陆手机号/);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("有字段需要修改，请查看标出的字段。");
    await expect(page).toHaveURL(/\/contact-sales\?edition=enterprise$/);
    await expectAccessible(page);

    await mobile.fill("138 1234 5678");
    await expect(mobile).not.toHaveAttribute("aria-invalid");
    await page.getByRole("button", { name: "提交咨询" }).click();

    await expect(page).toHaveURL(/\/contact-sales\/thanks\?lead=[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("已收到您的咨询");
    await expect(page.getByText("感谢您，张三。我们已记录北京某某科技有限公司关于“企业版”的咨询。")).toBeVisible();
    await expect(page.getByText("销售顾问通常在 1 个工作日内通过 138****5678 与您联系。")).toBeVisible();
    await expect(page.getByRole("heading", { name: "接下来会发生什么" })).toBeVisible();
    await expect(page).toHaveTitle("已收到您的咨询 · Quorum 会议");
    await expectAccessible(page);
  });

  test("without a preselected interest, asks for one", async ({ page }) => {
    await page.goto("/contact-sales");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("联系销售");
    await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
    await hydrated(page);
    await page.getByLabel("机构名称").fill("某某市第一中学");
    await page.getByLabel("联系人姓名").fill("王五");
    await page.getByLabel("手机号码").fill("13912345678");
    await page.getByLabel("工作邮箱").fill("wang@example.edu.cn");
    await page.getByLabel("预计高级账号数量").fill("0");
    await page.getByRole("button", { name: "提交咨询" }).click();
    await expect(page.getByRole("group", { name: "您想了解" })).toHaveAccessibleDescription("请选择您想了解的方案。");
    await expect(page.getByLabel("预计高级账号数量")).toHaveAccessibleDescription(/高级账号数量须为 1–1,000,000 的整数/);
    await page.getByRole("radio", { name: /^教育加强版/ }).check();
    await page.getByLabel("预计高级账号数量").fill("");
    await page.getByRole("button", { name: "提交咨询" }).click();
    await expect(page.getByText("感谢您，王五。我们已记录某某市第一中学关于“教育加强版”的咨询。")).toBeVisible();
  });

  test("its checks come at the first submit: without the network it says so and keeps what was typed, then sends", async ({ page }) => {
    await page.goto("/contact-sales?edition=enterprise");
    await hydrated(page);
    // The form's schema is not part of the page's first load: fetching it fails while the network is gone.
    await page.route("**/_next/static/chunks/**", (route) => route.abort("internetdisconnected"));
    await page.getByLabel("机构名称").fill("离线测试有限公司");
    await page.getByLabel("联系人姓名").fill("赵六");
    await page.getByLabel("手机号码").fill("13712345678");
    await page.getByLabel("工作邮箱").fill("zhao@example.cn");
    await page.getByRole("button", { name: "提交咨询" }).click();
    await expect(page.getByText("提交未成功，请稍后重试。您填写的内容仍在页面上。")).toBeVisible();
    await expect(page.getByLabel("机构名称")).toHaveValue("离线测试有限公司");
    await page.unroute("**/_next/static/chunks/**");
    await page.getByRole("button", { name: "提交咨询" }).click();
    await expect(page.getByText("感谢您，赵六。我们已记录离线测试有限公司关于“企业版”的咨询。")).toBeVisible();
  });

  test("works in English with the keyboard alone, from a webinar link", async ({ page }) => {
    await useEnglish(page);
    await page.goto("/contact-sales?addon=webinar-20000");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Talk to sales about Webinar (20,000 attendees)");
    await expect(page.getByRole("radio", { name: /^Webinar \(20,000 attendees\)/ })).toBeChecked();
    await hydrated(page);

    // Enter on an empty form: every problem shows at its field in English, and focus goes to the first.
    const organisation = page.getByLabel("Organisation name");
    await organisation.focus();
    await page.keyboard.press("Enter");
    await expect(organisation).toBeFocused();
    await expect(organisation).toHaveAccessibleDescription("Enter the organisation name (2–100 characters).");
    await expect(page.getByLabel("Mobile number")).toHaveAccessibleDescription(/Enter a valid mainland China mobile number/);
    await expectAccessible(page);

    await page.keyboard.type("Acme Events Ltd");
    for (const text of ["Li Si", "+86 139 1234 5678", "li@example.com"]) {
      await page.keyboard.press("Tab");
      await page.keyboard.type(text);
    }
    await page.keyboard.press("Tab"); // into the interest group, on the checked radio
    await expect(page.getByRole("radio", { name: /^Webinar \(20,000 attendees\)/ })).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.type("50");
    await page.keyboard.press("Tab");
    await page.keyboard.type("A 20,000-attendee product launch in May.");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Send to sales" })).toBeFocused();
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("We have your request");
    await expect(
      page.getByText("Thank you, Li Si. We have recorded Acme Events Ltd's request about Webinar (20,000 attendees)."),
    ).toBeVisible();
    await expect(page.getByText("A sales consultant usually contacts you on 139****5678 within one business day.")).toBeVisible();
    await expect(page).toHaveTitle("Request received · Quorum Meeting");
    await expectAccessible(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("the server shows the errors, keeps what was typed, and stores the fixed lead", async ({ page }) => {
      await page.goto("/contact-sales?edition=education-plus");
      await page.getByLabel("机构名称").fill("某某大学");
      await page.getByLabel("联系人姓名").fill("赵六");
      await page.getByLabel("手机号码").fill("1381234567");
      await page.getByLabel("工作邮箱").fill("zhao@example.edu.cn");
      await page.getByRole("button", { name: "提交咨询" }).click();

      const mobile = page.getByLabel("手机号码");
      await expect(mobile).toHaveAccessibleDescription(/请填写有效的中国大陆手机号/);
      await expect(mobile).toHaveValue("1381234567");
      await expect(page.getByLabel("机构名称")).toHaveValue("某某大学");
      await expect(page.getByRole("radio", { name: /^教育加强版/ })).toBeChecked();

      await mobile.fill("13812345678");
      await page.getByRole("button", { name: "提交咨询" }).click();
      await expect(page).toHaveURL(/\/contact-sales\/thanks\?lead=[0-9a-f-]{36}$/);
      await expect(page.getByText("感谢您，赵六。我们已记录某某大学关于“教育加强版”的咨询。")).toBeVisible();
    });
  });

  test("the operator list asks a signed-out visitor to sign in first", async ({ page }) => {
    await page.goto("/operator/leads");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Foperator%2Fleads$/);
  });
});
