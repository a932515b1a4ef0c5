// The one pricing function of changes after a purchase (PRODUCT.md §6.1, §6.2): add capacity, raise a spec,
// renew (aligned to the seats or by a term) and a scheduled renewal. Pure — no clock (`now` is an argument), no
// I/O — so the browser's preview, the server action that charges and the order's lines are the same call.
import { createTranslator } from "use-intl/core";
import { findAddon, findEdition, LOCALES, type Addon, type Catalog, type Locale } from "@/lib/catalog";
import { formatMoney } from "@/lib/money";
import { Decimal, roundToFen, toAmount } from "@/lib/money/decimal";
import { priceCart, termMonths, validTerm, type Term } from "@/lib/pricing";
import { seatRangeParams } from "@/lib/pricing/rules";
import { addMonthsUtc, chargedDays, chinaDay } from "./calendar";
import type {
  ChangeEffect,
  ChangeError,
  ChangeErrorCode,
  ChangeLine,
  ChangeQuote,
  ChangeRequest,
  HeldItem,
  HeldState,
  LifecycleMessages,
  QuoteMessages,
} from "./types";

export interface QuoteOptions {
  now: Date;
  catalog: Catalog;
  messages: QuoteMessages;
}

type Values = Record<string, string | number>;
type Translate = (key: string, values?: Values) => string;
const translators = new WeakMap<LifecycleMessages, Translate>();
function translator(locale: Locale, messages: LifecycleMessages): Translate {
  let t = translators.get(messages);
  if (!t) {
    const tr = createTranslator({ locale, messages: { Lifecycle: messages }, namespace: "Lifecycle" });
    t = (key, values) => (tr as unknown as Translate)(key, values);
    translators.set(messages, t);
  }
  return t;
}

/** Words in both languages, from a key and values that may themselves differ by language. */
function both(o: QuoteOptions, key: string, values: (locale: Locale, t: Translate) => Values = () => ({})): Record<Locale, string> {
  const out = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const t = translator(locale, o.messages[locale].Lifecycle);
    out[locale] = t(key, values(locale, t));
  }
  return out;
}

function nameIn(catalog: Catalog, id: string): Record<Locale, string> {
  const named = findEdition(catalog, id) ?? findAddon(catalog, id);
  return Object.fromEntries(LOCALES.map((l) => [l, named ? named.name[l] : id])) as Record<Locale, string>;
}

class Refusal extends Error {
  constructor(
    readonly code: ChangeErrorCode,
    readonly values: (locale: Locale, t: Translate) => Values = () => ({}),
    /** The message key when it is not the code's own (a variant such as `SEATS_OUT_OF_RANGE_suggest`). */
    readonly key: string = code,
  ) {
    super(code);
  }
}

const item = (c: Catalog, id: string) => (l: Locale) => nameIn(c, id)[l];

/** The upgrade discount tier for `days` (the one with the largest minDays at or below it), if the catalog has any. */
export function upgradeTier(catalog: Catalog, days: number): { minDays: number; percent: number } | null {
  let best: { minDays: number; percent: number } | null = null;
  for (const tier of catalog.upgradeDiscountTiers ?? []) if (tier.minDays <= days && (!best || tier.minDays > best.minDays)) best = tier;
  return best;
}

/** quantity × unit × discount × tier × days ÷ period days (365, or 365/12 for a monthly price), half-up to the fen once. */
export function prorate(p: {
  quantity: number;
  unit: string;
  discount: string;
  tierPercent?: number;
  days: number;
  basis: "year" | "month";
}) {
  const perDay = p.basis === "year" ? new Decimal(p.unit).dividedBy(365) : new Decimal(p.unit).times(12).dividedBy(365);
  const tier = new Decimal(p.tierPercent ?? 100).dividedBy(100);
  return roundToFen(perDay.times(p.quantity).times(p.discount).times(tier).times(p.days));
}

/** The billing unit a held item's stored unit price is in: monthly when it is the catalog's monthly price, else annual. */
export function basisOf(catalog: Catalog, held: Pick<HeldItem, "sku" | "unitPrice">): "year" | "month" {
  const prices = (findEdition(catalog, held.sku) ?? findAddon(catalog, held.sku))?.prices as { year?: string; month?: string } | undefined;
  const month = prices?.month;
  return month !== undefined && new Decimal(month).eq(held.unitPrice) && prices?.year !== month ? "month" : "year";
}

function listPrice(catalog: Catalog, sku: string, unit: "year" | "month"): string | undefined {
  const prices = (findEdition(catalog, sku) ?? findAddon(catalog, sku))?.prices as { year?: string; month?: string } | undefined;
  return prices?.[unit];
}

const active = (items: HeldItem[], now: Date) => items.filter((i) => new Date(i.expiresAt) > now);

interface Seats {
  count: number;
  expiresAt: Date;
}

function seatsOf(state: HeldState, now: Date): Seats | undefined {
  const seats = active(state.items, now).filter((i) => i.kind === "seats");
  if (!seats.length) return undefined;
  return {
    count: seats.reduce((n, s) => n + s.quantity, 0),
    expiresAt: new Date(Math.max(...seats.map((s) => new Date(s.expiresAt).getTime()))),
  };
}

/** Prices a change against what the organisation holds at `now`. Refusals come back as errors with no lines. */
export function quoteChange(state: HeldState, request: ChangeRequest, o: QuoteOptions): ChangeQuote {
  const seats = seatsOf(state, o.now);
  const base = { kind: request.kind, seatsExpiresAt: seats?.expiresAt.toISOString() ?? null };
  try {
    if (state.pendingScheduled) {
      const date = chinaDay(state.pendingScheduled.effectiveAt);
      throw new Refusal("CHANGE_PENDING", () => ({ date }));
    }
    if (!seats) throw new Refusal("NO_SEATS");
    const lines = linesFor(state, request, seats, o);
    const total = toAmount(lines.reduce((s, l) => s.plus(l.amount), new Decimal(0)));
    const effectiveAt = request.kind === "scheduled_renewal" ? seats.expiresAt.toISOString() : null;
    return { ...base, ok: true, lines, total, effectiveAt, errors: [] };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const refusal: ChangeError = { code: error.code, message: both(o, `errors.${error.key}`, error.values) };
    return { ...base, ok: false, lines: [], total: "0.00", effectiveAt: null, errors: [refusal] };
  }
}

function linesFor(state: HeldState, request: ChangeRequest, seats: Seats, o: QuoteOptions): ChangeLine[] {
  switch (request.kind) {
    case "add":
      return [addLine(state, request, seats, o)];
    case "raise":
      return [raiseLine(state, request, o)];
    case "renew":
      return request.mode === "align"
        ? alignLines(state, request.itemIds, seats, o)
        : termLines(state, request.term, request.itemIds, seats, o);
    case "scheduled_renewal":
      return scheduledLines(state, request.cart, seats, o);
  }
}

function addonOrRefuse(o: QuoteOptions, state: HeldState, sku: string): Addon {
  const addon = findAddon(o.catalog, sku);
  if (!addon) throw new Refusal("UNKNOWN_SKU", () => ({ item: sku }));
  if (!(addon.editions as readonly string[]).includes(state.edition))
    throw new Refusal("NOT_AVAILABLE", (l) => ({ item: item(o.catalog, sku)(l), edition: item(o.catalog, state.edition)(l) }));
  return addon;
}

/** Rules 3 and 4 against the totals after the change: large meetings and webinars ≤ seats. */
function checkCaps(o: QuoteOptions, state: HeldState, seats: number, extra: { sku: string; quantity: number }[]) {
  const held = active(state.items, o.now).filter((i) => i.kind === "addon");
  for (const family of o.catalog.families) {
    if (!family.seatCapCode) continue;
    const inFamily = (sku: string) => findAddon(o.catalog, sku)?.family === family.id;
    const count = [...held, ...extra].filter((i) => inFamily(i.sku)).reduce((n, i) => n + i.quantity, 0);
    if (count > seats) throw new Refusal(family.seatCapCode, () => ({ count, seats }));
  }
}

function checkQuantity(o: QuoteOptions, quantity: number) {
  if (!Number.isInteger(quantity)) throw new Refusal("QUANTITY_INVALID", () => ({ max: o.catalog.rules.maxLineQuantity }));
  if (quantity <= 0) throw new Refusal("LOWER_NOT_SUPPORTED");
  if (quantity > o.catalog.rules.maxLineQuantity) throw new Refusal("QUANTITY_INVALID", () => ({ max: o.catalog.rules.maxLineQuantity }));
}

function termOrRefuse(o: QuoteOptions, term: { unit: string; count: number } | undefined, sku: string): Term {
  if (!term) throw new Refusal("TERM_REQUIRED", (l) => ({ item: item(o.catalog, sku)(l) }));
  const valid = validTerm(term, o.catalog);
  if (!valid) throw new Refusal("TERM_INVALID");
  return valid;
}

function priceFor(o: QuoteOptions, sku: string, unit: "year" | "month"): string {
  const price = listPrice(o.catalog, sku, unit);
  if (price === undefined)
    throw new Refusal("BILLING_UNIT_NOT_SOLD", (l, t) => ({ item: item(o.catalog, sku)(l), unit: t(`unit.${unit}`) }));
  return price;
}

/** A prorated line's formula in both languages. */
function proratedFormula(
  o: QuoteOptions,
  p: {
    quantity: number;
    unit: string;
    discount: string;
    tier: { minDays: number; percent: number } | null;
    days: number;
    basis: "year" | "month";
    amount: string;
    from: Date;
    to: Date;
  },
): Record<Locale, string> {
  return both(o, "formula.prorated", (_l, t) => ({
    quantity: p.quantity,
    unit: formatMoney(p.unit),
    per: t(`per.${p.basis}`),
    discount: new Decimal(p.discount).eq(1) ? "" : t("formula.discount", { factor: new Decimal(p.discount).toString() }),
    tier: p.tier ? t("formula.tier", { percent: p.tier.percent, minDays: p.tier.minDays }) : "",
    days: p.days,
    period: t(`period.${p.basis}`),
    amount: formatMoney(p.amount),
    from: chinaDay(p.from),
    to: chinaDay(p.to),
  }));
}

function addLine(state: HeldState, request: Extract<ChangeRequest, { kind: "add" }>, seats: Seats, o: QuoteOptions): ChangeLine {
  const { now, catalog } = o;
  checkQuantity(o, request.quantity);
  const isSeats = request.sku === state.edition;
  const addon = isSeats ? undefined : addonOrRefuse(o, state, request.sku);
  if (!isSeats && !addon) throw new Refusal("UNKNOWN_SKU", () => ({ item: request.sku }));

  if (addon?.family === "phone-pack") {
    const unit = addon.prices.once!;
    const amount = toAmount(new Decimal(unit).times(request.quantity));
    return {
      sku: addon.sku,
      name: nameIn(catalog, addon.sku),
      quantity: request.quantity,
      itemId: null,
      from: null,
      to: null,
      days: null,
      basis: null,
      unitPrice: unit,
      discount: "1",
      tier: null,
      amount,
      formula: both(o, "formula.once", () => ({ quantity: request.quantity, unit: formatMoney(unit), amount: formatMoney(amount) })),
      effect: { type: "credit", sku: addon.sku, quantity: request.quantity },
    };
  }

  const newSeats = isSeats ? seats.count + request.quantity : seats.count;
  if (isSeats) {
    const edition = findEdition(catalog, state.edition);
    const range = edition?.seats;
    if (!edition || !range) throw new Refusal("UNKNOWN_SKU", () => ({ item: request.sku }));
    if (range.max !== null && newSeats > range.max) {
      const params = seatRangeParams(catalog, edition, newSeats);
      const key = params.suggestion ? "SEATS_OUT_OF_RANGE_suggest" : "SEATS_OUT_OF_RANGE";
      throw new Refusal(
        "SEATS_OUT_OF_RANGE",
        (l) => ({
          edition: item(catalog, edition.id)(l),
          min: params.min!,
          max: params.max!,
          seats: newSeats,
          suggestion: params.suggestion ? item(catalog, String(params.suggestion))(l) : "",
        }),
        key,
      );
    }
  }
  checkCaps(o, state, newSeats, isSeats ? [] : [{ sku: request.sku, quantity: request.quantity }]);

  // More of an item already held: the new units end with the held ones (the latest-ending active one).
  const held = active(state.items, now)
    .filter((i) => i.sku === request.sku)
    .sort((a, b) => new Date(b.expiresAt).getTime() - new Date(a.expiresAt).getTime())[0];
  if (held) {
    const to = new Date(held.expiresAt);
    const days = chargedDays(now, to);
    const basis = basisOf(catalog, held);
    const tier = upgradeTier(catalog, days);
    const amount = toAmount(
      prorate({ quantity: request.quantity, unit: held.unitPrice, discount: held.discount, tierPercent: tier?.percent, days, basis }),
    );
    const discount = toFactor(new Decimal(held.discount).times(tier ? tier.percent / 100 : 1));
    return {
      sku: held.sku,
      name: nameIn(catalog, held.sku),
      quantity: request.quantity,
      itemId: held.id,
      from: now.toISOString(),
      to: to.toISOString(),
      days,
      basis,
      unitPrice: held.unitPrice,
      discount: held.discount,
      tier,
      amount,
      formula: proratedFormula(o, {
        quantity: request.quantity,
        unit: held.unitPrice,
        discount: held.discount,
        tier,
        days,
        basis,
        amount,
        from: now,
        to,
      }),
      effect: {
        type: "create",
        sku: held.sku,
        kind: held.kind,
        capacity: addon?.capacity ?? null,
        quantity: request.quantity,
        startsAt: now.toISOString(),
        expiresAt: to.toISOString(),
        unitPrice: held.unitPrice,
        discount,
      },
    };
  }
  if (isSeats) throw new Refusal("NO_SEATS");

  // An item not held yet: the buyer's term at list price, ending no later than the seats when rule 5 binds it.
  const term = termOrRefuse(o, request.term, request.sku);
  const unit = priceFor(o, request.sku, term.unit);
  const to = addMonthsUtc(now, termMonths(term));
  const family = catalog.families.find((f) => f.id === addon!.family);
  if (family?.termBoundBySeats && to > seats.expiresAt) throw exceedsSeats(o, request.sku, to, seats.expiresAt);
  const amount = toAmount(new Decimal(unit).times(request.quantity).times(term.count));
  return {
    sku: request.sku,
    name: nameIn(catalog, request.sku),
    quantity: request.quantity,
    itemId: null,
    from: now.toISOString(),
    to: to.toISOString(),
    days: null,
    basis: term.unit,
    unitPrice: unit,
    discount: "1",
    tier: null,
    amount,
    formula: termFormula(o, { quantity: request.quantity, unit, term, amount, from: now, to }),
    effect: {
      type: "create",
      sku: request.sku,
      kind: "addon",
      capacity: addon!.capacity ?? null,
      quantity: request.quantity,
      startsAt: now.toISOString(),
      expiresAt: to.toISOString(),
      unitPrice: unit,
      discount: "1",
    },
  };
}

/** A discount factor as stored (ten places at most). */
function toFactor(d: Decimal): string {
  return d.toDecimalPlaces(10, Decimal.ROUND_HALF_UP).toString();
}

function exceedsSeats(o: QuoteOptions, sku: string, to: Date, seatsExpiry: Date) {
  return new Refusal("TERM_EXCEEDS_SEATS", (l) => ({
    item: item(o.catalog, sku)(l),
    to: chinaDay(to),
    seatsExpiry: chinaDay(seatsExpiry),
  }));
}

function termFormula(
  o: QuoteOptions,
  p: { quantity: number; unit: string; term: Term; amount: string; from: Date; to: Date },
): Record<Locale, string> {
  return both(o, "formula.term", (l) => {
    const pricing = createTranslator({
      locale: l,
      messages: { Pricing: o.messages[l].Pricing },
      namespace: "Pricing",
    }) as unknown as Translate;
    return {
      quantity: p.quantity,
      unit: formatMoney(p.unit),
      per: translator(l, o.messages[l].Lifecycle)(`per.${p.term.unit}`),
      count: pricing(`term.${p.term.unit}`, { count: p.term.count }),
      amount: formatMoney(p.amount),
      from: chinaDay(p.from),
      to: chinaDay(p.to),
    };
  });
}

function heldOrRefuse(state: HeldState, itemId: string, now: Date, o: QuoteOptions): HeldItem {
  const held = state.items.find((i) => i.id === itemId);
  if (!held) throw new Refusal("ITEM_NOT_FOUND");
  if (new Date(held.expiresAt) <= now) throw new Refusal("EXPIRED", (l) => ({ item: item(o.catalog, held.sku)(l) }));
  return held;
}

function raiseLine(state: HeldState, request: Extract<ChangeRequest, { kind: "raise" }>, o: QuoteOptions): ChangeLine {
  const { now, catalog } = o;
  const held = heldOrRefuse(state, request.itemId, now, o);
  const from = findAddon(catalog, held.sku);
  const to = addonOrRefuse(o, state, request.toSku);
  if (!from || from.family !== to.family || from.capacity === undefined || to.capacity === undefined) {
    throw new Refusal("NOT_RAISABLE", (l) => ({ item: item(catalog, held.sku)(l) }));
  }
  if (to.capacity <= from.capacity) throw new Refusal("LOWER_NOT_SUPPORTED");
  // Both prices on one basis: monthly when both have one, else both annual (÷ 365 per day).
  const basis = from.prices.month !== undefined && to.prices.month !== undefined ? "month" : "year";
  const oldUnit = from.prices[basis];
  const newUnit = to.prices[basis];
  if (oldUnit === undefined || newUnit === undefined)
    throw new Refusal("NO_COMMON_PRICE", (l) => ({ item: item(catalog, held.sku)(l), target: item(catalog, to.sku)(l) }));
  const expires = new Date(held.expiresAt);
  const days = chargedDays(now, expires);
  const tier = upgradeTier(catalog, days);
  const difference = Decimal.max(new Decimal(newUnit).minus(oldUnit), 0);
  const amount = toAmount(
    prorate({ quantity: held.quantity, unit: toAmount(difference), discount: held.discount, tierPercent: tier?.percent, days, basis }),
  );
  const heldBasis = basisOf(catalog, held);
  return {
    sku: to.sku,
    name: nameIn(catalog, to.sku),
    quantity: held.quantity,
    itemId: held.id,
    from: now.toISOString(),
    to: expires.toISOString(),
    days,
    basis,
    unitPrice: toAmount(difference),
    discount: held.discount,
    tier,
    amount,
    formula: both(o, "formula.raise", (_l, t) => ({
      newUnit: formatMoney(newUnit),
      oldUnit: formatMoney(oldUnit),
      per: t(`per.${basis}`),
      discount: new Decimal(held.discount).eq(1) ? "" : t("formula.discount", { factor: new Decimal(held.discount).toString() }),
      tier: tier ? t("formula.tier", { percent: tier.percent, minDays: tier.minDays }) : "",
      quantity: held.quantity,
      days,
      period: t(`period.${basis}`),
      amount: formatMoney(amount),
      from: chinaDay(now),
      to: chinaDay(expires),
    })),
    effect: {
      type: "raise",
      itemId: held.id,
      fromSku: held.sku,
      toSku: to.sku,
      fromCapacity: from.capacity,
      toCapacity: to.capacity,
      unitPrice: to.prices[heldBasis] ?? to.prices.year ?? newUnit,
    },
  };
}

/** The held items a renewal names (every active one when it names none). */
function selected(state: HeldState, itemIds: string[], now: Date): HeldItem[] {
  if (!itemIds.length) return active(state.items, now);
  return itemIds.map((id) => {
    const held = state.items.find((i) => i.id === id);
    if (!held) throw new Refusal("ITEM_NOT_FOUND");
    return held;
  });
}

/** Renew aligned: each selected add-on ending before the seats is extended to end with them, charged per day. */
function alignLines(state: HeldState, itemIds: string[], seats: Seats, o: QuoteOptions): ChangeLine[] {
  const { now, catalog } = o;
  const lines: ChangeLine[] = [];
  for (const held of selected(state, itemIds, now)) {
    if (held.kind === "seats") continue;
    if (findAddon(catalog, held.sku)?.family === "phone-pack") continue;
    const expires = new Date(held.expiresAt);
    if (expires >= seats.expiresAt) continue;
    const from = expires > now ? expires : now;
    const days = chargedDays(from, seats.expiresAt);
    const basis = basisOf(catalog, held);
    const tier = upgradeTier(catalog, days);
    const amount = toAmount(
      prorate({ quantity: held.quantity, unit: held.unitPrice, discount: held.discount, tierPercent: tier?.percent, days, basis }),
    );
    lines.push({
      sku: held.sku,
      name: nameIn(catalog, held.sku),
      quantity: held.quantity,
      itemId: held.id,
      from: from.toISOString(),
      to: seats.expiresAt.toISOString(),
      days,
      basis,
      unitPrice: held.unitPrice,
      discount: held.discount,
      tier,
      amount,
      formula: proratedFormula(o, {
        quantity: held.quantity,
        unit: held.unitPrice,
        discount: held.discount,
        tier,
        days,
        basis,
        amount,
        from,
        to: seats.expiresAt,
      }),
      effect: { type: "extend", itemId: held.id, fromExpiresAt: held.expiresAt, toExpiresAt: seats.expiresAt.toISOString() },
    });
  }
  if (!lines.length) throw new Refusal("NOTHING_TO_RENEW");
  return lines;
}

/** Renew by a term: every selected item (all active ones by default) is extended by it at list price. Rule 5 holds after. */
function termLines(
  state: HeldState,
  termInput: { unit: string; count: number },
  itemIds: string[],
  seats: Seats,
  o: QuoteOptions,
): ChangeLine[] {
  const { now, catalog } = o;
  const valid = validTerm(termInput, catalog);
  if (!valid) throw new Refusal("TERM_INVALID");
  const chosen = selected(state, itemIds, now).filter((i) => findAddon(catalog, i.sku)?.family !== "phone-pack");
  if (!chosen.length) throw new Refusal("NOTHING_TO_RENEW");
  const extended = new Map<string, Date>();
  for (const held of chosen) {
    const expires = new Date(held.expiresAt);
    extended.set(held.id, addMonthsUtc(expires > now ? expires : now, termMonths(valid)));
  }
  const seatItems = active(state.items, now).filter((i) => i.kind === "seats");
  const seatsAfter = new Date(
    Math.max(...seatItems.map((s) => (extended.get(s.id) ?? new Date(s.expiresAt)).getTime()), seats.expiresAt.getTime()),
  );
  const lines: ChangeLine[] = [];
  for (const held of chosen) {
    const to = extended.get(held.id)!;
    const addon = findAddon(catalog, held.sku);
    const bound = addon && catalog.families.find((f) => f.id === addon.family)?.termBoundBySeats;
    if (bound && to > seatsAfter) throw exceedsSeats(o, held.sku, to, seatsAfter);
    const unit = priceFor(o, held.sku, valid.unit);
    const amount = toAmount(new Decimal(unit).times(held.quantity).times(valid.count));
    const expires = new Date(held.expiresAt);
    const from = expires > now ? expires : now;
    lines.push({
      sku: held.sku,
      name: nameIn(catalog, held.sku),
      quantity: held.quantity,
      itemId: held.id,
      from: from.toISOString(),
      to: to.toISOString(),
      days: null,
      basis: valid.unit,
      unitPrice: unit,
      discount: "1",
      tier: null,
      amount,
      formula: termFormula(o, { quantity: held.quantity, unit, term: valid, amount, from, to }),
      effect: { type: "extend", itemId: held.id, fromExpiresAt: held.expiresAt, toExpiresAt: to.toISOString() },
    });
  }
  return lines;
}

/** Renewal with changes: next term's cart, priced as a purchase, taking effect when the seats end. */
function scheduledLines(
  state: HeldState,
  cart: Extract<ChangeRequest, { kind: "scheduled_renewal" }>["cart"],
  seats: Seats,
  o: QuoteOptions,
): ChangeLine[] {
  const { catalog } = o;
  if (cart.edition !== state.edition) throw new Refusal("EDITION_CHANGE", (l) => ({ edition: item(catalog, state.edition)(l) }));
  const priced = Object.fromEntries(
    LOCALES.map((l) => [l, priceCart(cart, catalog, { locale: l, messages: o.messages[l].Pricing })]),
  ) as Record<Locale, ReturnType<typeof priceCart>>;
  const first = priced[LOCALES[0]];
  if (!first.ok) {
    const errors = Object.fromEntries(LOCALES.map((l) => [l, priced[l].errors.map((e) => e.message).join(" ")])) as Record<Locale, string>;
    throw new Refusal("CART_INVALID", (l) => ({ message: errors[l] }));
  }
  const start = seats.expiresAt;
  return first.lines.map((line, i): ChangeLine => {
    const addon = line.kind === "addon" ? findAddon(catalog, line.sku) : undefined;
    const to = line.term ? addMonthsUtc(start, termMonths(line.term)) : null;
    const effect: ChangeEffect =
      !line.term || !to
        ? { type: "credit", sku: line.sku, quantity: line.quantity }
        : {
            type: "schedule",
            sku: line.sku,
            kind: line.kind,
            capacity: addon?.capacity ?? null,
            quantity: line.quantity,
            startsAt: start.toISOString(),
            expiresAt: to.toISOString(),
            unitPrice: line.unitPrice,
          };
    const formula = Object.fromEntries(
      LOCALES.map((l) => {
        const text = priced[l].lines[i]!.formula;
        if (!to) return [l, text];
        return [l, translator(l, o.messages[l].Lifecycle)("formula.scheduled", { formula: text, from: chinaDay(start), to: chinaDay(to) })];
      }),
    ) as Record<Locale, string>;
    return {
      sku: line.sku,
      name: nameIn(catalog, line.sku),
      quantity: line.quantity,
      itemId: null,
      from: to ? start.toISOString() : null,
      to: to?.toISOString() ?? null,
      days: null,
      basis: line.term?.unit ?? null,
      unitPrice: line.unitPrice,
      discount: "1",
      tier: null,
      amount: line.amount,
      formula,
      effect,
    };
  });
}
