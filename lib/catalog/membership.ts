import { z } from "zod";
import { PRICE_DIGITS } from "@/lib/money";
import { amountSchema } from "@/lib/validations/money";
import data from "./membership.json" with { type: "json" };

/*
 * The personal-membership price list (PRODUCT.md §7): tiers by meeting size, each with its list price per
 * month. Data like the edition catalog: an operator changes a price by editing membership.json and bumping
 * its `version`, which every membership order records (orders.catalog_version).
 */

const text = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });
const price = amountSchema({ digits: PRICE_DIGITS, message: "a price is a non-negative decimal below one billion with at most 2 places" });

const tier = z
  .object({
    id: z.string().regex(/^member-[0-9]+$/),
    meetingSize: z.number().int().positive(),
    monthPrice: price,
    name: text,
  })
  .strict();

export const membershipCatalogSchema = z
  .object({
    version: z.string().regex(/^membership-/),
    terms: z.object({ minMonths: z.number().int().positive(), maxMonths: z.number().int().positive() }).strict(),
    giftMonths: z.array(z.number().int().positive()).min(1),
    giftTier: z.string(),
    tiers: z.array(tier).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const ids = c.tiers.map((t) => t.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", message: "tier ids are unique" });
    if (!ids.includes(c.giftTier)) ctx.addIssue({ code: "custom", message: `gift tier ${c.giftTier} is not a tier` });
    const sizes = c.tiers.map((t) => t.meetingSize);
    if (sizes.some((s, i) => i > 0 && s <= sizes[i - 1]!))
      ctx.addIssue({ code: "custom", message: "tiers are listed by growing meeting size" });
  });

export type MembershipCatalog = z.infer<typeof membershipCatalogSchema>;
export type MembershipTier = MembershipCatalog["tiers"][number];

/** The membership price list in force (validated at start and in the tests, like the catalog). */
export const membershipCatalog = data as MembershipCatalog;

/** Fails fast when the shipped membership price list does not match its schema. */
export function assertMembershipCatalogValid(): MembershipCatalog {
  return membershipCatalogSchema.parse(data);
}

/** A tier by id. */
export function findTier(c: MembershipCatalog, id: string): MembershipTier | undefined {
  return c.tiers.find((t) => t.id === id);
}
