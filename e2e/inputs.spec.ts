import { request as httpRequest } from "node:http";
import { concatBytes, latin1Bytes, minimalPdf } from "@/lib/testing/proof-files";
import { actionId } from "../scripts/lib/actions-over-http";
import { expect, test } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

// Issue 11 items 6 and 7 against the production build: bounded bodies, carts and paths; uploads checked by structure.

const cart = (addons: { sku: string; quantity: number }[]) => ({
  edition: "business",
  seats: 10,
  term: { unit: "year", count: 1 },
  addons,
});
const rooms = (n: number, quantity = 1) => Array.from({ length: n }, () => ({ sku: "rooms", quantity }));
/** "%PDF-" in front of a Windows executable's head: what the probe uploaded. */
const DISGUISED = (() => {
  const stub = new Uint8Array(0x80);
  stub.set(latin1Bytes("MZ"));
  stub[0x3c] = 0x40;
  stub.set(latin1Bytes("PE\0\0"), 0x40);
  return Buffer.from(concatBytes(latin1Bytes("%PDF-1.4\n"), stub, latin1Bytes("\nstartxref\n9\n%%EOF\n")));
})();

/**
 * POSTs `total` bytes in 1 MB chunks without a Content-Length (chunked), stopping as soon as the
 * server answers: resolves with the status and how many bytes had been sent by then.
 */
function postChunked(url: string, total: number, headers: Record<string, string> = {}): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers: { "transfer-encoding": "chunked", ...headers } }, (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test.describe("the price API's bounds", () => {
  test("a 50 MB body is 413, with or without Content-Length, and never echoed", async ({ request, baseURL }) => {
    const big = await request.post("/api/v1/price", {
      headers: { "content-type": "application/json", "accept-language": "en" },
      data: Buffer.alloc(50 * 1024 * 1024, 0x20),
    });
    expect(big.status()).toBe(413);
    const body = await big.json();
    expect(body).toEqual({ errors: [{ code: "PAYLOAD_TOO_LARGE", path: "", message: "The request is too large (at most 1 MB)." }] });

    const streamed = await postChunked(`${baseURL}/api/v1/price`, 50 * 1024 * 1024, { "content-type": "application/json" });
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(50 * 1024 * 1024);
  });

  for (const [name, addons, code, path] of [
    ["6,000 lines", rooms(6000), "TOO_MANY_LINES", "addons"],
    ["20,000 lines", rooms(20_000), "TOO_MANY_LINES", "addons"],
    ["two lines of 999 rooms", rooms(2, 999), "SKU_QUANTITY_LIMIT", "addons[1].quantity"],
  ] as const) {
    test(`${name} → 422 ${code}`, async ({ request }) => {
      const res = await request.post("/api/v1/price", { data: cart([...addons]), headers: { "accept-language": "en" } });
      expect(res.status()).toBe(422);
      const { errors } = await res.json();
      expect(errors).toEqual([{ code, path, message: expect.any(String) }]);
      expect(errors[0].message.length).toBeGreaterThan(10);
    });
  }

  test("a body that is not UTF-8 is a 400, not a 500", async ({ request }) => {
    const res = await request.post("/api/v1/price", {
      headers: { "content-type": "application/json" },
      data: Buffer.from([0x7b, 0xff, 0x7d]),
    });
    expect(res.status()).toBe(400);
    expect((await res.json()).errors[0].code).toBe("INVALID_JSON");
  });
});

test("a server action's body is capped at 256 kB: past it the action never runs", async ({ request }) => {
  // The voucher check is public: called as the browser calls it (its id from the build), with a code of n bytes.
  const id = actionId("lib/actions/check-voucher.ts", "checkVoucherAction");
  const call = (n: number) =>
    request.post("/buy", {
      headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: JSON.stringify(["A".repeat(n)]),
    });
  // Under the cap the action runs and answers its refusal of a code that does not exist.
  const small = await call(1000);
  expect(small.status()).toBe(200);
  expect(await small.text()).toContain('"ok":false');
  // Past it Next.js refuses the body before the action runs: an error digest, no result.
  const big = await call(300 * 1024);
  expect(big.status()).not.toBe(200);
  const text = await big.text();
  expect(text).toContain('E{"digest"');
  expect(text).not.toContain('"ok":');
});

test("bad bytes in paths (also posted with a body), queries and `next` answer 400 or 404, never 500", async ({ request }) => {
  const bad = ["%FF", "%C0%AF", "%00", "%ED%A0%80", "a%00b", "%E6%9C"];
  const targets = [...bad, "%"].flatMap((b) => [
    `/q/${b}`,
    `/q/${b}/pdf`,
    `/q/${b}/checkout`,
    `/orders/${b}`,
    `/orders/${b}/receipt/pdf`,
    `/agreements/${b}`,
    `/sales/quotes/${b}`,
    `/sales/quotes/${b}/pdf`,
    `/pay/sandbox/${b}`,
    `/api/uploads/education-proof/${b}`,
  ]);
  // In a query a stray "%" is read as itself (Next.js re-encodes it as %25): harmless text, so only real bad bytes here.
  targets.push(...bad.flatMap((b) => [`/sign-in?next=${b}`, `/sign-in?next=/orders/${b}`, `/buy?edition=${b}`, `/buy?add=${b}:1`]));
  const answers = await Promise.all(
    targets.map(async (target) => [target, (await request.get(target, { maxRedirects: 0 })).status()] as const),
  );
  expect(answers.filter(([, status]) => status !== 400 && status !== 404)).toEqual([]);
  // With a body too (a form post, a notification): the paths, not the queries, are what Next.js itself would 500 on.
  const posted = await Promise.all(
    targets
      .filter((target) => !target.includes("?"))
      .map(async (target) => [target, (await request.post(target, { form: { x: "1" }, maxRedirects: 0 })).status()] as const),
  );
  expect(posted.filter(([, status]) => status !== 400 && status !== 404)).toEqual([]);
  const api = await request.get(`/api/uploads/education-proof/%C0%AF`, { headers: { "accept-language": "en" } });
  expect(api.status()).toBe(400);
  expect((await api.json()).errors[0]).toMatchObject({ code: "BAD_REQUEST_TARGET", message: expect.stringContaining("malformed") });
  // Clean paths still work.
  expect((await request.get("/agreements/purchase-terms")).status()).toBe(200);
});

test("the PDF routes answer a stranger without a session before any lookup", async ({ request }) => {
  expect((await request.get("/sales/quotes/00000000-0000-0000-0000-000000000000/pdf")).status()).toBe(404);
  expect((await request.get("/orders/00000000-0000-0000-0000-000000000000/receipt/pdf")).status()).toBe(401);
});

test.describe("proof uploads", () => {
  test("a file that starts %PDF- but is an executable is refused in the buyer's language at the upload field", async ({
    page,
    signedInBuyer: _buyer,
  }) => {
    test.slow();
    const wizard = new BuyWizard(page);
    await wizard.open("/buy?edition=education&seats=30&term=1y&add=large-meeting-500:1");
    await wizard.toAgreements(); // term, add-ons, agreements
    await wizard.acceptAgreements();
    await wizard.continue(); // → organisation
    const proof = page.getByLabel("资质证明文件");
    // setInputFiles does not wait for the field to take a file: the step's fields are disabled until its code has run.
    await expect(proof).toBeEnabled();
    await proof.setInputFiles({ name: "办学许可证.pdf", mimeType: "application/pdf", buffer: DISGUISED });
    await expect(page.getByRole("alert").filter({ hasText: "只支持 PDF、PNG 或 JPEG 文件" })).toBeVisible();
    await expect(page.getByText("已上传：办学许可证.pdf")).toHaveCount(0);
    // A real PDF under a name with a right-to-left override is kept, its name cleaned.
    await proof.setInputFiles({ name: "licence\u202Efdp.exe", mimeType: "application/pdf", buffer: Buffer.from(minimalPdf()) });
    await expect(page.getByText("已上传：licencefdp.exe.pdf")).toBeVisible();
  });

  test("the API refuses a disguised file (415) and a chunked body past 10 MB as soon as it crosses (413)", async ({
    page,
    baseURL,
    signedInBuyer: _buyer,
  }) => {
    const disguised = await page.request.post("/api/uploads/education-proof", {
      multipart: { file: { name: "proof.pdf", mimeType: "application/pdf", buffer: DISGUISED } },
    });
    expect(disguised.status()).toBe(415);
    expect((await disguised.json()).errors[0]).toMatchObject({
      code: "UNSUPPORTED_TYPE",
      message: expect.stringContaining("只支持 PDF、PNG 或 JPEG"),
    });

    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const streamed = await postChunked(`${baseURL}/api/uploads/education-proof`, 50 * 1024 * 1024, {
      cookie,
      origin: new URL(baseURL!).origin,
      "content-type": "multipart/form-data; boundary=x",
    });
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(50 * 1024 * 1024);
  });
});
