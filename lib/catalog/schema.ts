import { z } from "zod";
import { PRICE_DIGITS } from "@/lib/money";
import { amountSchema } from "@/lib/validations/money";
import { EDITION_IDS, FAMILY_IDS } from "./ids";

export { EDITION_IDS, FAMILY_IDS, LOCALES, type EditionId, type FamilyId, type Locale } from "./ids";

const text = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) });
const textList = z.object({ "zh-CN": z.array(z.string().min(1)), en: z.array(z.string().min(1)) });

/** A price in yuan with at most two decimals, kept as a string so no float ever touches it. */
const price = amountSchema({ digits: PRICE_DIGITS, message: "a price is a non-negative decimal below one billion with at most 2 places" });

const recurringPrices = z.object({ year: price.optional(), month: price.optional() }).strict();

const editionId = z.enum(EDITION_IDS);
const familyId = z.enum(FAMILY_IDS);

const edition = z
  .object({
    id: editionId,
    family: z.enum(["standard", "education"]),
    name: text,
    tagline: text,
    meetingSize: z.number().int().positive(),
    seats: z.object({ min: z.number().int().positive(), max: z.number().int().positive().nullable() }).nullable(),
    prices: recurringPrices,
    sales: z.enum(["signup", "self-serve", "contact-sales"]),
    verification: z.boolean().optional(),
    features: textList,
    /** Why the pricing page highlights this edition (at most one edition has it). */
    highlight: text.optional(),
  })
  .strict();

/** A row of the pricing page's feature comparison: a value (yes, no or a short text) for every edition. */
const comparisonRow = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: text,
    values: z.record(editionId, z.union([z.boolean(), text])),
  })
  .strict();

const family = z
  .object({
    id: familyId,
    name: text,
    unit: text,
    description: text,
    /** When set, the family's lines together may not exceed the seat count; the code names the breach (rules 3, 4). */
    seatCapCode: z.enum(["LARGE_MEETING_EXCEEDS_SEATS", "WEBINAR_EXCEEDS_SEATS"]).nullable(),
    /** A line's term may not exceed the seats' term (rule 5). */
    termBoundBySeats: z.boolean(),
  })
  .strict();

const addon = z
  .object({
    sku: z.string().regex(/^[a-z0-9-]+$/),
    family: familyId,
    name: text,
    prices: z.object({ year: price.optional(), month: price.optional(), once: price.optional() }).strict(),
    editions: z.array(editionId).min(1),
    capacity: z.number().int().positive().optional(),
    editionLimits: z.partialRecord(editionId, z.number().int().positive()).optional(),
  })
  .strict()
  .refine((a) => (a.prices.once === undefined) !== (a.prices.year === undefined && a.prices.month === undefined), {
    message: "an add-on is either one-off or recurring, and has at least one price",
  });

const salesOnlyAddon = z
  .object({ sku: z.string().regex(/^[a-z0-9-]+$/), family: familyId, name: text, capacity: z.number().int().positive() })
  .strict();

const bound = z.object({ min: z.number().int().positive(), max: z.number().int().positive() }).strict();

/**
 * An upgrade discount tier (PRODUCT.md §6.1): a mid-term change of at least `minDays` charged days is charged
 * `percent` % of its prorated price; the tier with the largest `minDays` at or below the day count applies.
 */
const upgradeDiscountTier = z
  .object({ minDays: z.number().int().positive(), percent: z.number().positive().max(100).multipleOf(0.01) })
  .strict();

export const catalogSchema = z
  .object({
    version: z.string().min(1),
    currency: z.literal("CNY"),
    rules: z.object({ maxLineQuantity: z.number().int().positive(), termMonths: bound, termYears: bound }).strict(),
    seatUnit: text,
    editions: z.array(edition),
    comparison: z.array(comparisonRow),
    families: z.array(family),
    addons: z.array(addon),
    salesOnlyAddons: z.array(salesOnlyAddon),
    /** Upgrade discount tiers by charged days (lib/lifecycle); none in the default catalog. */
    upgradeDiscountTiers: z.array(upgradeDiscountTier).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    const skus = [...c.addons, ...c.salesOnlyAddons].map((a) => a.sku);
    const dup = skus.find((s, i) => skus.indexOf(s) !== i);
    if (dup) ctx.addIssue({ code: "custom", message: `duplicate sku ${dup}` });
    for (const id of EDITION_IDS) {
      if (!c.editions.some((e) => e.id === id)) ctx.addIssue({ code: "custom", message: `missing edition ${id}` });
    }
    for (const id of FAMILY_IDS) {
      if (!c.families.some((f) => f.id === id)) ctx.addIssue({ code: "custom", message: `missing family ${id}` });
    }
    if (c.editions.filter((e) => e.highlight).length > 1) ctx.addIssue({ code: "custom", message: "at most one edition is highlighted" });
    const rows = c.comparison.map((r) => r.id);
    const dupRow = rows.find((r, i) => rows.indexOf(r) !== i);
    const tierDays = (c.upgradeDiscountTiers ?? []).map((t) => t.minDays);
    if (new Set(tierDays).size !== tierDays.length)
      ctx.addIssue({ code: "custom", message: "upgrade discount tiers need distinct minDays" });
    if (dupRow) ctx.addIssue({ code: "custom", message: `duplicate comparison row ${dupRow}` });
    for (const e of c.editions) {
      if (e.sales === "self-serve" && !e.seats) ctx.addIssue({ code: "custom", message: `${e.id}: self-serve needs a seat range` });
      if (e.sales === "self-serve" && !e.prices.year && !e.prices.month)
        ctx.addIssue({ code: "custom", message: `${e.id}: self-serve needs a price` });
    }
  });

export type Catalog = z.infer<typeof catalogSchema>;
export type Edition = Catalog["editions"][number];
export type Family = Catalog["families"][number];
export type Addon = Catalog["addons"][number];
export type SalesOnlyAddon = Catalog["salesOnlyAddons"][number];
export type ComparisonRow = Catalog["comparison"][number];
export type LocalizedText = z.infer<typeof text>;
