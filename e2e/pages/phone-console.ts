import { expect, type Page } from "@playwright/test";

/** The buyer's /console/phone page (zh-CN labels). */
export class PhoneConsole {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/console/phone");
    await expect(this.page.getByRole("heading", { level: 1, name: "电话会议余额" })).toBeVisible();
  }
  get balance() {
    return this.page.getByTestId("phone-balance");
  }
  get forecast() {
    return this.page.getByTestId("phone-forecast");
  }
  get chart() {
    return this.page.getByRole("img", { name: "最近 30 天每日通话费用（按类型）" });
  }
  get ledger() {
    return this.page.getByRole("table", { name: "电话会议余额流水，最新在前" });
  }

  /** Creates an API key with both scopes and returns the token shown once. */
  async createKey(name: string): Promise<string> {
    await this.page.getByLabel("密钥名称").fill(name);
    await this.page.getByRole("button", { name: "创建密钥" }).click();
    const token = this.page.getByTestId("new-api-key");
    await expect(token).toHaveText(/^qsk_/);
    return (await token.textContent())!;
  }

  async setPolicy(label: "任意目的地" | "仅限国内" | "禁止外呼") {
    const form = this.page.getByRole("region", { name: "外呼策略" });
    await form.getByLabel("组织策略").selectOption({ label });
    await form.getByRole("button", { name: "保存" }).first().click();
    await expect(form.getByRole("status").first()).toHaveText("已保存。");
  }

  /** Downloads the ledger CSV for the form's default range (the last 30 days); its text. */
  async downloadCsv(): Promise<Buffer> {
    const download = this.page.waitForEvent("download");
    await this.page.getByRole("button", { name: "下载 CSV" }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
