import { randomUUID } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { OPERATOR, operatorPage } from "./flows";

const CART = "/buy?edition=education&seats=30&term=1y&add=large-meeting-500:1";
const TOTAL = "¥33,588.00";
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "latin1");

/** Configures the education example through the UI, signs up at the organisation step, uploads a proof and places the order. */
async function placeEducationOrder(page: Page, institution: string) {
  await page.goto(CART);
  const next = page.getByRole("button", { name: "继续" });
  await expect(page.getByTestId("summary-total")).toHaveText(TOTAL);
  await next.click(); // → term
  await next.click(); // → add-ons
  await next.click(); // → agreements
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await next.click(); // → organisation
  const email = `edu-${randomUUID()}@example.com`;
  await page.getByRole("link", { name: "注册新账号" }).click();
  await page.getByLabel("姓名").fill("韩梅梅");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill("correct horse battery");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/step=organisation/);

  await page.getByLabel("组织名称").fill(institution);
  await page.getByLabel("联系人").fill("韩梅梅");
  await page.getByLabel("手机号").fill("13800138000");
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
  await page.getByRole("button", { name: "继续" }).click();

  await expect(page.getByRole("heading", { name: /确认订单/ })).toBeVisible();
  await expect(page.getByText(`${institution} · 高等院校 · 证明文件：办学许可证.pdf`)).toBeVisible();
  await page.getByRole("button", { name: "提交订单" }).click();
  await expect(page).toHaveURL(/\/orders\//);
  await expect(page.getByTestId("order-total")).toHaveText(TOTAL);
  const status = page.getByTestId("verification-status");
  await expect(status.getByRole("heading", { name: "教育资质审核中" })).toBeVisible();
  await expect(status).toContainText("审核通过后即可付款");
  await expect(page.getByRole("button", { name: "去支付" })).toHaveCount(0);
  const number = (await page.getByRole("heading", { level: 1 }).textContent())?.match(/Q\d{8}-[A-Z0-9]{6}/)?.[0];
  expect(number).toBeTruthy();
  return { email, number: number!, orderUrl: page.url() };
}

/** A separate browser session signed in as the operator, on the verifications page. */
async function verificationsPage(browser: Browser, baseURL: string) {
  const operator = await operatorPage(browser, baseURL, "/operator/verifications");
  await expect(operator.page.getByRole("heading", { name: "教育资质审核", level: 1 })).toBeVisible();
  return operator;
}

test.describe("education verification", () => {
  test("an operator approves the institution; the buyer can then pay", async ({ page, browser, baseURL }) => {
    const institution = `第${randomUUID().slice(0, 4)}大学`;
    const order = await placeEducationOrder(page, institution);

    const operator = await verificationsPage(browser, baseURL!);
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
    await expect(row).toContainText(OPERATOR.email);
    await operator.close();

    await page.reload();
    await expect(page.getByTestId("verification-status").getByRole("heading", { name: "教育资质已通过审核" })).toBeVisible();
    await expect(page.getByRole("button", { name: "去支付" })).toBeVisible();
  });

  test("an operator rejects with a reason; the buyer reads it on the order", async ({ page, browser, baseURL, playwright }) => {
    const institution = `第${randomUUID().slice(0, 4)}中学`;
    const order = await placeEducationOrder(page, institution);
    const reason = "证明文件不清晰，请上传加盖公章的办学许可证扫描件。";

    const operator = await verificationsPage(browser, baseURL!);
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
    await expect(page.getByRole("button", { name: "去支付" })).toHaveCount(0);

    // The proof downloads for its uploader and for operators only.
    expect((await page.request.get(proofUrl!)).status()).toBe(200);
    const stranger = await playwright.request.newContext({ baseURL });
    expect((await stranger.get(proofUrl!)).status()).toBe(404);
    await stranger.dispose();
  });

  test("the upload API checks the session and the bytes, and answers in the caller's language", async ({ page, playwright, baseURL }) => {
    const file = { name: "proof.pdf", mimeType: "application/pdf", buffer: PDF };
    const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "accept-language": "en" } });
    const refused = await anonymous.post("/api/uploads/education-proof", { multipart: { file } });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({
      errors: [{ code: "UNAUTHENTICATED", path: "file", message: "Your session has ended. Sign in again, then upload the file." }],
    });
    await anonymous.dispose();

    await page.goto("/sign-up");
    await page.getByLabel("姓名").fill("李雷");
    await page.getByLabel("邮箱").fill(`upload-${randomUUID()}@example.com`);
    await page.getByLabel("密码").fill("correct horse battery");
    await page.getByRole("button", { name: "注册", exact: true }).click();
    await expect(page.getByRole("banner").getByRole("button", { name: "退出登录" })).toBeVisible();

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
