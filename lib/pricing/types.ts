/** A billing term: 1–11 months at the monthly price, or 1–5 years at the annual price. */
export type TermUnit = "month" | "year";
export interface Term {
  unit: TermUnit;
  count: number;
}

/** A term as it arrives from outside: the unit is checked by the rules, not by the type. */
export interface TermInput {
  unit: string;
  count: number;
}

export interface CartLineInput {
  sku: string;
  quantity: number;
  /** Defaults to the seats' term for recurring items; one-off items take none. */
  term?: TermInput;
}

/** A cart exactly as a buyer (or an API client) configured it, before any rule is checked. */
export interface CartInput {
  edition: string;
  seats?: number;
  term: TermInput;
  addons: CartLineInput[];
}

/** Stable rule codes: part of the public API (PRODUCT.md §9). */
export const RULE_CODES = [
  "UNKNOWN_EDITION",
  "CONTACT_SALES",
  "SEATS_REQUIRED",
  "SEATS_OUT_OF_RANGE",
  "TERM_INVALID",
  "UNKNOWN_SKU",
  "ADDON_NOT_AVAILABLE",
  "QUANTITY_INVALID",
  "BILLING_UNIT_NOT_SOLD",
  "ADDON_TERM_EXCEEDS_SEATS_TERM",
  "LARGE_MEETING_EXCEEDS_SEATS",
  "WEBINAR_EXCEEDS_SEATS",
  "ROOMS_LIMIT",
  "VOUCHER_MIN_SPEND",
  "TOO_MANY_LINES",
  "SKU_QUANTITY_LIMIT",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

export type RuleParams = Record<string, string | number>;

/** One broken rule: which, where (a path into the cart such as `addons[1].quantity`), and why. */
export interface RuleViolation {
  code: RuleCode;
  path: string;
  message: string;
  params: RuleParams;
}

export interface PricedLine {
  kind: "seats" | "addon";
  /** The edition id for the seats line, the add-on sku otherwise. */
  sku: string;
  /** Index in `cart.addons`, for add-on lines. */
  index?: number;
  name: string;
  quantity: number;
  /** Null for one-off items. */
  term: Term | null;
  unitPrice: string;
  amount: string;
  formula: string;
  /** What this line would cost bought month by month over the same months. */
  monthlyAmount: string;
}

/**
 * A price adjustment shown as a line of its own (PRODUCT.md §2.4), applied by `applyAdjustment`:
 * a sales quote's discount or a voucher. `amount` is negative ("-100.00"), or "0.00".
 */
export interface PriceAdjustment {
  kind: "voucher" | "quote-discount";
  code: string;
  label: string;
  amount: string;
  formula: string;
}

/** A voucher's terms as looked up by the server: cash (amount off, optional minimum spend) or percent off. */
export interface VoucherTerms {
  code: string;
  kind: "cash" | "percent";
  /** Cash vouchers: the amount off, "100.00". */
  amount?: string;
  /** Percent vouchers: an integer 1–99. */
  percent?: number;
  /** The subtotal the cart must reach for the voucher to apply, "1000.00". */
  minimumSpend?: string;
}

export interface PriceResult {
  ok: boolean;
  currency: "CNY";
  catalogVersion: string;
  /** Lines with no broken rule of their own; all lines when `ok`. */
  lines: PricedLine[];
  /** Σ lines, before adjustments. */
  subtotal: string;
  /** Adjustments in the order applied (ADJUSTMENT_ORDER); empty without a quote discount or voucher. */
  adjustments: PriceAdjustment[];
  /** subtotal + Σ adjustments, never below 0.00. */
  total: string;
  /** The same configuration on monthly terms, and what the chosen terms save over it. */
  monthly: { total: string; savings: string };
  errors: RuleViolation[];
}
