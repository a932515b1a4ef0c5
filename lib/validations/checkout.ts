import { z } from "zod";
import { cartInputSchema, cartLineInputSchema, termInputSchema } from "./price-request";
import { amountSchema } from "./money";
import { voucherCodeSchema } from "./voucher";
import { educationVerificationSchema, invoiceRequestSchema, organisationDetailsSchema } from "./organisation";

export const consentSchema = z.object({ agreementId: z.string().min(1), version: z.string().min(1) });

export const upgradeChoiceSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("in-place"), organisationId: z.string().min(1) }).strict(),
  z.object({ method: z.literal("new") }).strict(),
]);
export type UpgradeChoice = z.infer<typeof upgradeChoiceSchema>;

/** The cart as checkout takes it: no field beyond the cart's own (a price sent along is refused, not ignored). */
export const strictCartSchema = cartInputSchema
  .extend({ addons: z.array(cartLineInputSchema.extend({ term: termInputSchema.strict().optional() }).strict()).default([]) })
  .strict();

/** What the review step submits to place an order. Prices are never part of it, except the total the buyer saw, to be checked. */
export const checkoutSchema = z
  .object({
    idempotencyKey: z.uuid(),
    cart: strictCartSchema,
    /** The total shown to the buyer at review; an order is refused if the server's differs. */
    expectedTotal: amountSchema({ places: "exactly2" }),
    consents: z.array(consentSchema),
    organisation: organisationDetailsSchema,
    invoice: invoiceRequestSchema,
    education: educationVerificationSchema.optional(),
    /** For a buyer who already has a free organisation: upgrade it in place, or create a new one. */
    upgrade: upgradeChoiceSchema.optional(),
    /** A voucher code; the server looks up its terms (one voucher per order). */
    voucher: voucherCodeSchema.optional(),
    /** The link token of a sales quote: the order is priced on the quote's stored terms (and takes no voucher). */
    quoteToken: z.string().min(1).max(64).optional(),
  })
  .strict();

export type CheckoutInput = z.input<typeof checkoutSchema>;
export type Checkout = z.output<typeof checkoutSchema>;

/** The organisation step's form: the same pieces as the checkout, with the institution required for education. */
export const organisationStepSchema = checkoutSchema.pick({ organisation: true, invoice: true, education: true });
export const educationOrganisationStepSchema = organisationStepSchema.extend({ education: educationVerificationSchema });
export type OrganisationStep = z.input<typeof organisationStepSchema>;
