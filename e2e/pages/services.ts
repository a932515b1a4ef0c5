import { expect, type Page } from "@playwright/test";

/** The purchased-services page (/console/services) and its change form, in Chinese (the default language). */
export class ServicesPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/console/services");
    await expect(this.page.getByRole("heading", { level: 1, name: "已购服务" })).toBeVisible();
  }

  /** Picks what to do in the change form ("增加容量", "升级规格", …). */
  async choose(kind: "增加容量" | "升级规格" | "续费并对齐高级账号到期日" | "按时长续费" | "预约下一期（变更续费）") {
    await this.page.getByRole("radio", { name: kind }).check();
  }

  get preview() {
    return this.page.getByTestId("change-preview");
  }
  get total() {
    return this.page.getByTestId("change-total");
  }
  get errors() {
    return this.page.getByTestId("change-errors");
  }

  /** Orders the previewed change and waits for its order page, whose total must be what the preview showed. */
  async order() {
    const shown = await this.total.textContent();
    await this.page.getByRole("button", { name: "下单" }).click();
    await expect(this.page).toHaveURL(/\/orders\//);
    await expect(this.page.getByTestId("order-total")).toHaveText(shown!);
    return shown!;
  }

  expires(sku: string) {
    return this.page.getByTestId(`expires-${sku}`);
  }
}
