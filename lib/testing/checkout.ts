// The checkout the payment and job tests place: business × 30 for a year plus one 500-person large meeting.
import { randomUUID } from "node:crypto";
import { agreementsFor } from "@/lib/agreements";
import type { CheckoutInput } from "@/lib/validations/checkout";

/** Its total (PRODUCT.md's prices: 30 × ¥1,390 + ¥10,788). */
export const SAMPLE_CHECKOUT_TOTAL = "52488.00";

/** A fresh sample checkout (its own idempotency key) that places a payable order. */
export function sampleCheckout(): CheckoutInput {
  return {
    idempotencyKey: randomUUID(),
    cart: { edition: "business", seats: 30, term: { unit: "year", count: 1 }, addons: [{ sku: "large-meeting-500", quantity: 1 }] },
    expectedTotal: SAMPLE_CHECKOUT_TOTAL,
    consents: agreementsFor("business").map((a) => ({ agreementId: a.id, version: a.version })),
    organisation: { organisationName: "Acme Ltd", contactName: "Li Lei", mobile: "13800138000", email: "li@example.com" },
    invoice: { type: "none" },
  };
}
