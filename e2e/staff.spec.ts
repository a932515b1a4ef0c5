import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test, type Session } from "./fixtures";
import { Header, SignInForm, SignUpForm } from "./pages/auth";
import { StaffPage } from "./pages/staff";

const PASSWORD = "sales initial password";
const newSales = () => {
  const id = randomUUID().slice(0, 8);
  return { name: `销售${id}`, email: `sales-${id}@example.com`, password: PASSWORD, limit: 12 };
};

/** Signs in at /sign-in on a session of its own with these credentials; lands on /pricing, signed in. */
async function signInFresh(session: Session, email: string, password: string) {
  const { page } = session;
  await page.goto("/sign-in");
  await new SignInForm(page).submit({ email, password });
  await expect(page).toHaveURL("/pricing");
  await expect(new Header(page).user(email)).toBeVisible();
  return session;
}

test.describe("sales staff", () => {
  test("an operator creates a sales account with a 12% limit, raises it to 20%, and the account signs in", async ({
    operator: staff,
    newSession,
  }) => {
    const who = newSales();
    await staff.createSalesAccount(who);

    const operator = await staff.open("/operator/staff");
    const { page } = operator;
    const staffPage = new StaffPage(page);
    await expect(page.getByRole("heading", { name: "销售账号", level: 1 })).toBeVisible();
    const row = staffPage.row(who.email);
    await expect(row).toContainText(who.name);
    await expect(row).toContainText("销售");
    const limit = row.getByLabel(`${who.name} 的折扣上限（%）`);
    await expect(limit).toHaveValue("12");
    await expectAccessible(page);

    await limit.fill("101");
    await row.getByRole("button", { name: "保存" }).click();
    await expect(limit).toHaveAccessibleDescription("请输入 0 到 100 之间的整数。");
    await limit.fill("20");
    await row.getByRole("button", { name: "保存" }).click();
    await expect(row.getByRole("status")).toHaveText(`已保存：${who.name} 的折扣上限为 20%。`);
    await page.reload();
    await expect(staffPage.row(who.email).getByLabel(`${who.name} 的折扣上限（%）`)).toHaveValue("20");

    // The same email again: refused at the email field.
    await staffPage.submitSalesAccount({ ...who, email: who.email.toUpperCase() });
    const email = staffPage.emailField;
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(/该邮箱已是销售或运营账号，无需再次开通。/);
    await expect(staffPage.createSection.getByRole("status")).toHaveText("");
    await expectAccessible(page);
    await operator.close();

    const sales = await signInFresh(await newSession(), who.email, who.password);
    await sales.close();
  });

  test("a buyer cannot open the staff page, and a buyer's email cannot be made a sales account", async ({
    page,
    buyer,
    operator: staff,
  }) => {
    await page.goto("/operator/staff");
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent("/operator/staff")}`);
    await new SignInForm(page).signUpLink.click();
    await new SignUpForm(page).submit({ ...buyer, name: "买家转销售", password: "buyer own password" });
    await expect(page).toHaveURL(`/forbidden?next=${encodeURIComponent("/operator/staff")}`);
    await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();

    const operator = await staff.open("/operator/staff");
    const staffPage = new StaffPage(operator.page);
    await staffPage.submitSalesAccount({ name: "另一个名字", email: buyer.email, password: PASSWORD, limit: 5 });
    const email = staffPage.emailField;
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(
      /该邮箱已注册为客户账号。任何人都能用任意邮箱注册，因此客户账号不会被改为员工账号：请使用尚未注册的员工邮箱。/,
    );
    await expect(staffPage.row(buyer.email)).toHaveCount(0);
    await operator.close();
  });
});
