import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test, type Account, type Operator } from "./fixtures";
import { Header } from "./pages/auth";
import { BuyWizard, OrderPage } from "./pages/wizard";
import { minimalPdf } from "@/lib/testing/proof-files";

const CART = "/buy?edition=education&seats=30&term=1y&add=large-meeting-500:1";
const TOTAL = "¥33,588.00";
// A whole PDF (header, cross-reference table, startxref, %%EOF): uploads check the structure, not only "%PDF-".
const PDF = Buffer.from(minimalPdf());

/** Configures the education example through the UI, signs `buyer` up at the organisation step, uploads a proof and places the order. */
async function placeEducationOrder(page: Page, buyer: Account, institution: string) {
  const wizard = new BuyWizard(page);
  await wizard.open(CART);
  await expect(wizard.summaryTotal).toHaveText(TOTAL);
  await wizard.toAgreements(); // term, add-ons, agreements
  await wizard.acceptAgreements();
  await wizard.continue(); // → organisation
  await wizard.signUp({ ...buyer, name: "韩梅梅" });
  await expect(page).toHaveURL(/step=organisation/);

  await wizard.fillOrganisation({ organisation: institution, contact: "韩梅梅", mobile: "13800138000" });
  await page.getByLabel("机构名称").fill(institution);
  await page.getByLabel("机构类型").selectOption({ label: "高等院校" });
  const proof = page.getByLabel("资质证明文件");
  // A text file named .pdf is refused by its bytes, in the buyer's language.
  await proof.setInputFiles({ name: "licence.pdf", mimeType: "application/pdf", buffer: Buffer.from("not really a PDF") });
  await expect(page.getByRole("alert").filter({ hasText: "只支持 PDF、PNG 或 JPEG 文件" })).toBeVisible();
  await proof.setInputFiles({ name: "办学许可证.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(page.getByText("已上传：办学许可证.pdf")).toBeVisible();
  await expect(page.getByRole("button", { name: "更换文件" })).toBeFocused();
  await expectAccessible(page);
  await wizard.continue();

  await expect(page.getByRole("heading", { name: /确认订单/ })).toBeVisible();
  await expect(page.getByText(`${institution} · 高等院校 · 证明文件：办学许可证.pdf`)).toBeVisible();
  await wizard.placeOrder();
  const order = new OrderPage(page);
  await expect(order.total).toHaveText(TOTAL);
  const status = page.getByTestId("verification-status");
  await expect(status.getByRole("heading", { name: "教育资质审核中" })).toBeVisible();
  await expect(status).toContainText("审核通过后即可付款");
  await expect(order.payButton).toHaveCount(0);
  return { email: buyer.email, number: await order.number(), orderUrl: page.url() };
}

/** A browser session of the operator's, on the verifications page. */
async function verificationsPage(operator: Operator) {
  const session = await operator.open("/operator/verifications");
  await expect(session.page.getByRole("heading", { name: "教育资质审核", level: 1 })).toBeVisible();
  return session;
}

test.describe("education verification", () => {
  test("an operator approves the institution; the buyer can then pay", async ({ page, buyer, operator: staff, order: orderPage }) => {
    const institution = `第${randomUUID().slice(0, 4)}大学`;
    const order = await placeEducationOrder(page, buyer, institution);

    const operator = await verificationsPage(staff);
    const item = operator.page.getByRole("article", { name: order.number });
    await expect(item).toContainText(institution);
    await expect(item).toContainText(order.email);
    await expect(item).toContainText(TOTAL);
    await expectAccessible(operator.page);
    const download = operator.page.waitForEvent("download");
    await item.getByRole("link", { name: /办学许可证\.pdf/ }).click();
    expect((await download).suggestedFilename()).toBe("办学许可证.pdf");
    await item.getByRole("button", { name: "批准" }).click();
    await expect(item).toHaveCount(0);
    const row = operator.page.getByRole("row", { name: new RegExp(institution) });
    await expect(row).toContainText("已通过");
    await expect(row).toContainText(staff.email);
    await operator.close();

    await page.reload();
    await expect(page.getByTestId("verification-status").getByRole("heading", { name: "教育资质已通过审核" })).toBeVisible();
    await expect(orderPage.payButton).toBeVisible();
  });

  test("an operator rejects with a reason; the buyer reads it on the order", async ({
    page,
    buyer,
    operator: staff,
    order: orderPage,
    baseURL,
    playwright,
  }) => {
    const institution = `第${randomUUID().slice(0, 4)}中学`;
    const order = await placeEducationOrder(page, buyer, institution);
    const reason = "证明文件不清晰，请上传加盖公章的办学许可证扫描件。";

    const operator = await verificationsPage(staff);
    const item = operator.page.getByRole("article", { name: order.number });
    const proofUrl = await item.getByRole("link", { name: /办学许可证\.pdf/ }).getAttribute("href");
    await item.getByRole("button", { name: "驳回" }).click();
    await expect(item.getByLabel("驳回理由")).toHaveAccessibleDescription(/请填写驳回理由/);
    await expectAccessible(operator.page);
    await item.getByLabel("驳回理由").fill(reason);
    await item.getByRole("button", { name: "驳回" }).click();
    await expect(item).toHaveCount(0);
    await expect(operator.page.getByRole("row", { name: new RegExp(institution) })).toContainText(reason);
    await operator.close();

    await page.reload();
    const status = page.getByTestId("verification-status");
    await expect(status.getByRole("heading", { name: "教育资质未通过审核" })).toBeVisible();
    await expect(status).toContainText(reason);
    await expect(orderPage.payButton).toHaveCount(0);

    // The proof downloads for its uploader and for operators only.
    expect((await page.request.get(proofUrl!)).status()).toBe(200);
    const stranger = await playwright.request.newContext({ baseURL });
    expect((await stranger.get(proofUrl!)).status()).toBe(404);
    await stranger.dispose();
  });

  test("the upload API checks the session and the bytes, and answers in the caller's language", async ({
    page,
    playwright,
    baseURL,
    signedInBuyer: _signedUp, // signs up at /sign-up on `page` before the test begins
  }) => {
    const file = { name: "proof.pdf", mimeType: "application/pdf", buffer: PDF };
    const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "accept-language": "en" } });
    const refused = await anonymous.post("/api/uploads/education-proof", { multipart: { file } });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({
      errors: [{ code: "UNAUTHENTICATED", path: "file", message: "Your session has ended. Sign in again, then upload the file." }],
    });
    await anonymous.dispose();

    // The buyer's session on `page` (the signedInBuyer fixture): its header offers to sign out.
    await expect(new Header(page).signOutButton).toBeVisible();

    const exe = await page.request.post("/api/uploads/education-proof", {
      multipart: { file: { ...file, buffer: Buffer.from("MZ\x90\x00 pretending", "latin1") } },
    });
    expect(exe.status()).toBe(415);
    expect((await exe.json()).errors[0]).toMatchObject({
      code: "UNSUPPORTED_TYPE",
      message: expect.stringContaining("只支持 PDF、PNG 或 JPEG"),
    });
    const ok = await page.request.post("/api/uploads/education-proof", { multipart: { file } });
    expect(ok.status()).toBe(201);
    const body = await ok.json();
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), fileName: "proof.pdf", size: PDF.length });
    const back = await page.request.get(`/api/uploads/education-proof/${body.id}`);
    expect(back.headers()["content-type"]).toBe("application/pdf");
    expect(back.headers()["content-disposition"]).toContain("attachment");
    expect(Buffer.from(await back.body()).equals(PDF)).toBe(true);
  });
});
