// The shapes of a change to what an organisation holds (PRODUCT.md §6.1, §6.2). Dates are ISO strings so a
// state and its quote cross to the browser and into an order's JSON unchanged.
import type { Locale } from "@/lib/catalog";
import type { CartInput, PricingMessages, TermInput } from "@/lib/pricing";
import type en from "@/messages/lifecycle/en.json";

/** The `Lifecycle` namespace of messages/lifecycle/<locale>.json. */
export type LifecycleMessages = (typeof en)["Lifecycle"];

/** The messages a quote is worded with, for both languages (its formulas are stored in both). */
export type QuoteMessages = Record<Locale, { Pricing: PricingMessages; Lifecycle: LifecycleMessages }>;

/** One service item the organisation holds, as stored (lib/db/schema/services.ts). */
export interface HeldItem {
  id: string;
  sku: string;
  kind: "seats" | "addon";
  quantity: number;
  startsAt: string;
  expiresAt: string;
  unitPrice: string;
  /** The discount factor actually paid, "1" = none. */
  discount: string;
}

/** What an organisation holds when a change is asked for. */
export interface HeldState {
  edition: string;
  items: HeldItem[];
  /** A paid scheduled renewal not yet in effect: every other change is refused until then. */
  pendingScheduled?: { orderId: string; effectiveAt: string } | null;
}

/** What the buyer asks for. Never prices: the server recomputes every amount from the held state. */
export type ChangeRequest =
  | { kind: "add"; sku: string; quantity: number; term?: TermInput }
  | { kind: "raise"; itemId: string; toSku: string }
  | { kind: "renew"; mode: "align"; itemIds: string[] }
  | { kind: "renew"; mode: "term"; term: TermInput; itemIds: string[] }
  | { kind: "scheduled_renewal"; cart: CartInput };

export type ChangeKind = ChangeRequest["kind"];

/** What a paid change line does to the organisation's holdings (applied by lib/lifecycle/fulfil.ts). */
export type ChangeEffect =
  /** A new service item (source order = the change order). */
  | {
      type: "create";
      sku: string;
      kind: "seats" | "addon";
      capacity: number | null;
      quantity: number;
      startsAt: string;
      expiresAt: string;
      unitPrice: string;
      discount: string;
    }
  /** An existing item's expiry moved later (renewal). */
  | { type: "extend"; itemId: string; fromExpiresAt: string; toExpiresAt: string }
  /** An existing item's spec raised in place; it keeps its expiry. */
  | {
      type: "raise";
      itemId: string;
      fromSku: string;
      toSku: string;
      fromCapacity: number | null;
      toCapacity: number | null;
      unitPrice: string;
    }
  /** A phone pack: its face value credits the ledger at once. */
  | { type: "credit"; sku: string; quantity: number }
  /** A scheduled renewal's line: a new item from `startsAt`, created by the services.apply-scheduled job. */
  | {
      type: "schedule";
      sku: string;
      kind: "seats" | "addon";
      capacity: number | null;
      quantity: number;
      startsAt: string;
      expiresAt: string;
      unitPrice: string;
    };

/** One line of a change's price, with everything the buyer is shown. */
export interface ChangeLine {
  sku: string;
  name: Record<Locale, string>;
  quantity: number;
  /** The held item the line changes, if any. */
  itemId: string | null;
  /** The charged period. */
  from: string | null;
  to: string | null;
  /** Charged days (ceil of seconds ÷ 86,400), for a prorated line. */
  days: number | null;
  /** The period the price is divided by: 365 (annual price) or 365/12 (monthly price). */
  basis: "year" | "month" | null;
  unitPrice: string;
  /** The discount factor applied (what was paid on the item), "1" = none. */
  discount: string;
  /** The upgrade discount tier applied, if any. */
  tier: { minDays: number; percent: number } | null;
  amount: string;
  formula: Record<Locale, string>;
  effect: ChangeEffect;
}

export const CHANGE_ERROR_CODES = [
  "CHANGE_PENDING",
  "NO_SEATS",
  "EXPIRED",
  "UNKNOWN_SKU",
  "NOT_AVAILABLE",
  "QUANTITY_INVALID",
  "LOWER_NOT_SUPPORTED",
  "SEATS_OUT_OF_RANGE",
  "LARGE_MEETING_EXCEEDS_SEATS",
  "WEBINAR_EXCEEDS_SEATS",
  "TERM_REQUIRED",
  "TERM_INVALID",
  "BILLING_UNIT_NOT_SOLD",
  "TERM_EXCEEDS_SEATS",
  "ITEM_NOT_FOUND",
  "NOT_RAISABLE",
  "NO_COMMON_PRICE",
  "NOTHING_TO_RENEW",
  "EDITION_CHANGE",
  "CART_INVALID",
] as const;
export type ChangeErrorCode = (typeof CHANGE_ERROR_CODES)[number];

export interface ChangeError {
  code: ChangeErrorCode;
  message: Record<Locale, string>;
}

/** A priced change: the same object is the browser's preview, the server's charge and the order's lines. */
export interface ChangeQuote {
  ok: boolean;
  kind: ChangeKind;
  lines: ChangeLine[];
  total: string;
  /** The held seats' expiry the change was judged against. */
  seatsExpiresAt: string | null;
  /** For a scheduled renewal: when it takes effect (the seats' expiry). */
  effectiveAt: string | null;
  errors: ChangeError[];
}
