import { expect, type Page } from "@playwright/test";
import { SignUpForm, type Account, type UiLocale } from "./auth";

const LABELS = {
  "zh-CN": {
    continue: "继续",
    steps: "购买步骤",
    createAccount: "注册新账号",
    organisation: "组织名称",
    contact: "联系人",
    mobile: "手机号",
    review: "确认订单",
    placeOrder: "提交订单",
    voucher: "代金券",
    applyVoucher: "使用",
    upgrade: "升级方式",
    paidOrganisations: "您已付费的组织",
    upgradeInPlace: (name: string) => `升级现有组织“${name}”`,
    addTo: (name: string) => `增购到“${name}”`,
    newOrganisation: (name: string) => `创建新组织“${name}”`,
  },
  en: {
    continue: "Continue",
    steps: "Checkout steps",
    createAccount: "Create an account",
    organisation: "Organisation name",
    contact: "Contact person",
    mobile: "Mobile number",
    review: "Review",
    placeOrder: "Place order",
    voucher: "Voucher",
    applyVoucher: "Apply",
    upgrade: "Account",
    paidOrganisations: "Organisations you already pay for",
    upgradeInPlace: (name: string) => `Upgrade “${name}” in place`,
    addTo: (name: string) => `Add to “${name}”`,
    newOrganisation: (name: string) => `Create a new organisation, “${name}”`,
  },
} as const;

/** What the organisation step asks for. */
export interface Organisation {
  organisation: string;
  contact: string;
  mobile: string;
}

/**
 * The purchase wizard: /buy, and a quote's /q/<token>/checkout, which shows the same steps (a fixed
 * quote starts at the agreements). Steps: edition & seats → term → add-ons → agreements →
 * organisation (signs a visitor up first) → review; paying happens on the order page (`OrderPage`).
 */
export class BuyWizard {
  constructor(
    readonly page: Page,
    readonly locale: UiLocale = "zh-CN",
  ) {}

  private get labels() {
    return LABELS[this.locale];
  }

  /** The wizard's "继续" button, which moves to the next step. */
  get next() {
    return this.page.getByRole("button", { name: this.labels.continue });
  }
  /** The current step's heading ("协议 第 1 步，共 3 步"). */
  get stepHeading() {
    return this.page.locator("#step-heading");
  }
  get summaryTotal() {
    return this.page.getByTestId("summary-total");
  }
  get reviewTotal() {
    return this.page.getByTestId("review-total");
  }
  /** A step's button in the step navigation ("2. 时长"). */
  stepButton(name: string | RegExp) {
    return this.page.getByRole("navigation", { name: this.labels.steps }).getByRole("button", { name });
  }

  /** Opens the wizard on a cart link. */
  async open(link: string) {
    await this.page.goto(link);
  }

  async continue() {
    await this.next.click();
  }

  /** From the edition & seats step, on past term and add-ons to the agreements step. */
  async toAgreements() {
    for (let i = 0; i < 3; i++) await this.continueToNextStep();
  }

  /**
   * "Continue", then waits until the step after this one is the current one. A click answers the step on screen:
   * one made before React has shown the step the last click opened would repeat that click (the same step again),
   * as a person's would; a person sees the new step before clicking on, so this waits for it too.
   */
  async continueToNextStep() {
    const steps = this.page.getByRole("navigation", { name: this.labels.steps }).getByRole("button");
    const current = await steps.evaluateAll((buttons) => buttons.findIndex((b) => b.getAttribute("aria-current") === "step"));
    await this.continue();
    await expect(steps.nth(current + 1)).toHaveAttribute("aria-current", "step");
  }

  /** Ticks every agreement on the agreements step. */
  async acceptAgreements() {
    // `.all()` does not wait: let the step render (it waits for the tab's saved checkout) before listing its boxes.
    const boxes = this.page.getByRole("checkbox");
    await expect(boxes.first()).toBeVisible();
    for (const box of await boxes.all()) await box.check();
  }

  /** On the organisation step, as a visitor: "注册新账号", then the sign-up form; comes back to the step. */
  async signUp(buyer: Account) {
    await this.page.getByRole("link", { name: this.labels.createAccount }).click();
    await new SignUpForm(this.page, this.locale).submit(buyer);
  }

  get organisationName() {
    return this.page.getByLabel(this.labels.organisation);
  }
  get contactPerson() {
    return this.page.getByLabel(this.labels.contact);
  }
  get mobile() {
    return this.page.getByLabel(this.labels.mobile);
  }

  /** Fills the organisation step's required fields (does not move on). */
  async fillOrganisation(org: Organisation) {
    await this.organisationName.fill(org.organisation);
    await this.contactPerson.fill(org.contact);
    await this.mobile.fill(org.mobile);
  }

  /** The review step's voucher field and its button. */
  get voucherField() {
    return this.page.getByRole("textbox", { name: this.labels.voucher });
  }
  async applyVoucher(code: string) {
    await this.voucherField.fill(code);
    await this.page.getByRole("button", { name: this.labels.applyVoucher }).click();
  }

  /** The account upgrade step's radio "升级现有组织“…”" for a free organisation. */
  upgradeInPlace(name: string) {
    return this.page.getByRole("radio", { name: this.labels.upgradeInPlace(name) });
  }
  /** The account upgrade step's radio "创建新组织“…”" (named by the name typed on the organisation step). */
  newOrganisation(name: string) {
    return this.page.getByRole("radio", { name: this.labels.newOrganisation(name) });
  }
  /** The account upgrade step's list of organisations the buyer already pays for. */
  get paidOrganisations() {
    return this.page.getByRole("region", { name: this.labels.paidOrganisations });
  }
  /** "增购到“…”": from a paid organisation to its purchased services (a mid-term change, not a second purchase). */
  addTo(name: string) {
    return this.page.getByRole("link", { name: this.labels.addTo(name) });
  }
  async expectUpgradeStep() {
    await expect(this.stepHeading).toContainText(this.labels.upgrade);
  }

  get placeOrderButton() {
    return this.page.getByRole("button", { name: this.labels.placeOrder });
  }

  /** Places the order from the review step and waits for the order page. */
  async placeOrder() {
    await this.placeOrderButton.click();
    await expect(this.page).toHaveURL(/\/orders\//);
  }

  async expectReview() {
    await expect(this.stepHeading).toContainText(this.labels.review);
  }

  /**
   * A new buyer takes the cart at `link` through the wizard: agreements ticked, an account made
   * on the organisation step, the organisation filled in; ends on the review step.
   */
  async reachReview(link: string, buyer: Account, org: Organisation) {
    await this.open(link);
    await this.toAgreements();
    await this.acceptAgreements();
    await this.continue();
    await this.signUp(buyer);
    await this.fillOrganisation(org);
    await this.continue();
    await this.expectReview();
  }
}

/** An order's page (/orders/<id>) and the sandbox payment page it leads to. */
export class OrderPage {
  constructor(readonly page: Page) {}

  get total() {
    return this.page.getByTestId("order-total");
  }
  get payButton() {
    return this.page.getByRole("button", { name: "去支付" });
  }
  /** The order number (Q…) from the page's heading. */
  async number() {
    const number = (await this.page.getByRole("heading", { level: 1 }).textContent())?.match(/Q\d{8}-[A-Z0-9]{6}/)?.[0];
    expect(number).toBeTruthy();
    return number!;
  }

  /** "去支付": to the sandbox payment page. */
  async startPayment() {
    await this.payButton.click();
  }

  /** On the sandbox page: "支付", "模拟失败" or "取消". */
  async sandbox(choice: "支付" | "模拟失败" | "取消" = "支付") {
    await this.page.getByRole("button", { name: choice, exact: true }).click();
  }
}
