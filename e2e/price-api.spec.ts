import { expect, test } from "./fixtures";

const lm500 = { sku: "large-meeting-500", quantity: 1 };
const examples = [
  ["free + 10 Rooms", { edition: "free", addons: [{ sku: "rooms", quantity: 10 }] }, "35000.00", "70000.00"],
  ["pro, 3 seats + 1 large-meeting-500", { edition: "pro", seats: 3, addons: [lm500] }, "13752.00", "27504.00"],
  ["business, 30 seats + 1 large-meeting-500", { edition: "business", seats: 30, addons: [lm500] }, "52488.00", "104976.00"],
  ["education, 30 seats + 1 large-meeting-500", { edition: "education", seats: 30, addons: [lm500] }, "33588.00", "67176.00"],
] as const;

test.describe("POST /api/v1/price", () => {
  for (const [name, cart, oneYear, twoYears] of examples) {
    test(`prices ${name} to the fen`, async ({ request }) => {
      for (const [count, total] of [
        [1, oneYear],
        [2, twoYears],
      ] as const) {
        const res = await request.post("/api/v1/price", { data: { ...cart, term: { unit: "year", count } } });
        expect(res.status()).toBe(200);
        const body = await res.json();
        expect(body.currency).toBe("CNY");
        expect(body.total).toBe(total);
        for (const line of body.lines)
          expect(Object.keys(line).sort()).toEqual(["amount", "formula", "quantity", "sku", "term", "unitPrice"]);
      }
    });
  }

  test("answers 422 with every broken rule, in the request's language", async ({ request }) => {
    const data = {
      edition: "pro",
      seats: 6,
      term: { unit: "month", count: 12 },
      addons: [
        { sku: "mra", quantity: 0 },
        { sku: "hologram", quantity: 1 },
      ],
    };
    const en = await request.post("/api/v1/price", { data, headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(en.status()).toBe(422);
    const { errors } = await en.json();
    expect(errors.map((e: { code: string; path: string }) => `${e.code}@${e.path}`)).toEqual([
      "TERM_INVALID@term",
      "SEATS_OUT_OF_RANGE@seats",
      "QUANTITY_INVALID@addons[0].quantity",
      "ADDON_NOT_AVAILABLE@addons[0].sku",
      "UNKNOWN_SKU@addons[1].sku",
    ]);
    expect(errors[3].message).toBe("Room connector MRA (H.323/SIP) is not sold with Pro; it needs Business or Education.");
    const zh = await (await request.post("/api/v1/price", { data })).json();
    expect(zh.errors[3].message).toBe("专业版不可购买会议室连接器 MRA（H.323/SIP），需要商业版或教育版。");
  });

  for (const [name, body] of [
    ["a body that is not JSON", "{nope"],
    ["a missing edition", JSON.stringify({ term: { unit: "year", count: 1 } })],
    ["a term that is not an object", JSON.stringify({ edition: "pro", seats: 1, term: "1y" })],
    [
      "a quantity that is not a number",
      JSON.stringify({ edition: "pro", seats: 1, term: { unit: "year", count: 1 }, addons: [{ sku: "rooms", quantity: "2" }] }),
    ],
  ] as const) {
    test(`answers 400 for ${name}`, async ({ request }) => {
      const res = await request.post("/api/v1/price", { data: body, headers: { "content-type": "application/json" } });
      expect(res.status()).toBe(400);
      expect((await res.json()).errors[0].message).toMatch(/JSON|请求/);
    });
  }

  for (const [name, patch, code] of [
    ["quantity 0", { addons: [{ sku: "rooms", quantity: 0 }] }, "QUANTITY_INVALID"],
    ["12 months", { term: { unit: "month", count: 12 } }, "TERM_INVALID"],
    ["an unknown sku", { addons: [{ sku: "nope", quantity: 1 }] }, "UNKNOWN_SKU"],
    ["an unknown edition", { edition: "gold" }, "UNKNOWN_EDITION"],
    ["enterprise", { edition: "enterprise", seats: 300 }, "CONTACT_SALES"],
  ] as const) {
    test(`answers 422 ${code} for ${name}`, async ({ request }) => {
      const data = { ...{ edition: "business", seats: 10, term: { unit: "year", count: 1 }, addons: [] }, ...patch };
      const res = await request.post("/api/v1/price", { data });
      expect(res.status()).toBe(422);
      expect((await res.json()).errors.map((e: { code: string }) => e.code)).toEqual([code]);
    });
  }
});
