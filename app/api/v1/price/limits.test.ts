import { describe, expect, it } from "vitest";
import { POST } from "./route";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  POST(
    new Request("http://store.test/api/v1/price", {
      method: "POST",
      body,
      headers: { "accept-language": "en", ...headers },
      duplex: "half",
    } as RequestInit),
  );
const cart = (addons: unknown[]) => JSON.stringify({ edition: "business", seats: 10, term: { unit: "year", count: 1 }, addons });

/** A body streamed in 1 MB chunks with no Content-Length, counting what the route pulled. */
function stream(total: number) {
  const seen = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled * 1024 * 1024 >= total) return controller.close();
      seen.pulled++;
      controller.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
    },
  });
  return { body, seen };
}

// Issue 11 item 6: a 50 MB request was accepted and echoed; 6,000 and 20,000 lines were priced or 500ed.
describe("POST /api/v1/price limits", () => {
  it("answers 413 to 50 MB without reading it all (no Content-Length)", async () => {
    const { body, seen } = stream(50 * 1024 * 1024);
    const res = await post(body);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [{ code: "PAYLOAD_TOO_LARGE", path: "", message: "The request is too large (at most 1 MB)." }],
    });
    expect(seen.pulled).toBeLessThanOrEqual(3);
  });

  it.each([
    ["6,000 lines", 6000, 1, "TOO_MANY_LINES", "addons"],
    ["20,000 lines", 20_000, 1, "TOO_MANY_LINES", "addons"],
    ["2 × 999 rooms", 2, 999, "SKU_QUANTITY_LIMIT", "addons[1].quantity"],
  ])("%s → 422 %s", async (_, count, quantity, code, path) => {
    const res = await post(cart(Array.from({ length: count }, () => ({ sku: "rooms", quantity }))));
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([{ code, path, message: expect.stringMatching(/\w{4}/) }]);
  });

  it("answers 400 to a body that is not UTF-8", async () => {
    const res = await post(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]));
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].code).toBe("INVALID_JSON");
  });
});
