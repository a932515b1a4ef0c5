import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Purposes of a recurring-payment agreement (lib/db/schema/agreements.ts). */
export type AgreementPurpose = "membership" | "auto_recharge";

/**
 * Tests only: the sandbox declines the next `count` charges of every active agreement of the user (of
 * `purpose`, if given) — POST /api/test/agreements/fail-next, served only with QUORUM_TEST_CLOCK=1.
 * Answers the sandbox agreement references it set.
 */
export async function failNextAgreementCharges(
  request: APIRequestContext,
  params: { userId: string; purpose?: AgreementPurpose; count: number },
): Promise<string[]> {
  const response = await request.post("/api/test/agreements/fail-next", {
    data: { only: { userId: params.userId }, ...(params.purpose ? { purpose: params.purpose } : {}), count: params.count },
  });
  if (!response.ok()) throw new Error(`fail-next answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { agreementRefs: string[] }).agreementRefs;
}

const LABELS = {
  "zh-CN": { consent: "我已阅读并同意上述自动扣款授权", pay: "支付", title: "授权自动扣款" },
  en: { consent: "I have read and agree to the automatic charges above", pay: "Pay", title: "Authorise automatic charges" },
} as const;

/**
 * On the sandbox's hosted page of a payment started with an agreement: ticks the authorisation and pays
 * (the page then sends the buyer back to the order).
 */
export async function authoriseAndPay(page: Page, locale: keyof typeof LABELS = "zh-CN"): Promise<void> {
  const l = LABELS[locale];
  await expect(page).toHaveURL(/\/pay\/sandbox\/sbp_/);
  await expect(page.getByRole("group", { name: l.title })).toBeVisible();
  await page.getByRole("checkbox", { name: l.consent }).check();
  await page.getByRole("button", { name: l.pay, exact: true }).click();
  await expect(page).not.toHaveURL(/\/pay\/sandbox\//);
}
