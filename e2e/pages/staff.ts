import { expect, type Page } from "@playwright/test";
import type { Account } from "./auth";

/** A sales account as the operator opens it: who, and the largest discount (%) they may give. */
export interface SalesAccount extends Account {
  limit: number;
}

/** /operator/staff: the create-a-sales-account form and the list of staff. */
export class StaffPage {
  constructor(readonly page: Page) {}

  /** The create-a-sales-account section. */
  get createSection() {
    return this.page.getByRole("region", { name: "开通销售账号" });
  }
  /** The create form's email field. */
  get emailField() {
    return this.createSection.getByLabel("邮箱", { exact: true });
  }
  /** The list row of the account with this email. */
  row(email: string) {
    return this.page.getByRole("row", { name: new RegExp(email) });
  }

  /** Fills and sends the create-a-sales-account form. */
  async submitSalesAccount(who: SalesAccount) {
    const form = this.createSection;
    await form.getByLabel("姓名", { exact: true }).fill(who.name);
    await form.getByLabel("邮箱", { exact: true }).fill(who.email);
    await form.getByLabel("初始密码", { exact: true }).fill(who.password);
    await form.getByLabel("折扣上限（%）", { exact: true }).fill(String(who.limit));
    await form.getByRole("button", { name: "创建账号" }).click();
  }

  /** Creates `who` and waits for the confirmation. */
  async createSalesAccount(who: SalesAccount) {
    await this.submitSalesAccount(who);
    await expect(this.createSection.getByRole("status")).toHaveText(
      `已开通销售账号：${who.name}（${who.email.toLowerCase()}），可用初始密码登录。`,
    );
  }
}
