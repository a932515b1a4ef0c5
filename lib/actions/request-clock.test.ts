import { beforeEach, describe, expect, it, vi } from "vitest";
import { TEST_CLOCK_HEADER } from "@/lib/clock";

// Review (check-voucher) and placement (place-order) must judge a voucher's expiry at the same instant: the request's.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => ({ id: "u1", email: "b@example.com", name: "B", role: "buyer" }) }));
vi.mock("@/lib/db/client", () => ({ getDb: async () => ({}) }));
// The abuse limits are tested in lib/limits; here they let every call through.
vi.mock("@/lib/limits/limiter", () => ({ getLimits: async () => ({ consume: async () => null }) }));
vi.mock("@/lib/vouchers", () => ({
  lookupVoucher: vi.fn(async () => ({ ok: false, error: "VOUCHER_EXPIRED" })),
}));
vi.mock("@/lib/orders/place-order", () => ({ placeOrder: vi.fn(async () => ({ ok: false, error: "VOUCHER_EXPIRED" })) }));
vi.mock("@/lib/validations/checkout", async () => {
  const { z } = await import("zod");
  return { checkoutSchema: z.object({ voucher: z.string() }) };
});

const { lookupVoucher } = await import("@/lib/vouchers");
const { placeOrder } = await import("@/lib/orders/place-order");
const { checkVoucherAction } = await import("./check-voucher");
const { placeOrderAction } = await import("./place-order");

beforeEach(() => {
  vi.stubEnv("QUORUM_TEST_CLOCK", "1");
  request.headers = new Headers({ [TEST_CLOCK_HEADER]: "2030-01-31T15:59:59.000Z" });
});

describe("the request clock in review and placement", () => {
  it("judges the voucher at the request's instant in both", async () => {
    const at = new Date("2030-01-31T15:59:59.000Z");
    expect(await checkVoucherAction("SPRING-24")).toEqual({ ok: false, error: "VOUCHER_EXPIRED" });
    expect(vi.mocked(lookupVoucher)).toHaveBeenLastCalledWith(expect.anything(), { code: "SPRING-24", now: at });
    expect(await placeOrderAction({ voucher: "SPRING-24" })).toEqual({ ok: false, error: "VOUCHER_EXPIRED" });
    expect(vi.mocked(placeOrder)).toHaveBeenLastCalledWith(
      expect.anything(),
      { voucher: "SPRING-24" },
      { userId: "u1", locale: "en", now: at },
    );
  });

  it("answers a malformed code INVALID without looking it up", async () => {
    vi.mocked(lookupVoucher).mockClear();
    expect(await checkVoucherAction("no")).toEqual({ ok: false, error: "INVALID" });
    expect(await checkVoucherAction(42)).toEqual({ ok: false, error: "INVALID" });
    expect(lookupVoucher).not.toHaveBeenCalled();
  });
});
