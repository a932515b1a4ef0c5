// The refund rule of PRODUCT.md §6.3, pure: who may ask, when the service stops, how many days were
// used and what comes back, to the fen. `now` is always an argument; the same module runs in the
// browser (the simulator) and on the server (the preview, the confirmation).
import { fenToAmount, parseFen } from "@/lib/money";
import { Decimal } from "@/lib/money/decimal";

/** A refund may be asked within this many days of the purchase, and the service then stops on that day. */
export const REFUND_WINDOW_DAYS = 31;
export const DAY_MS = 86_400_000;
/** The editions a buyer may refund by themselves (an enterprise order from a quote too). */
export const REFUNDABLE_EDITIONS: readonly string[] = ["business", "enterprise"];

/** Why an order cannot be refunded by its buyer; each shown with its own sentence. */
export type IneligibleReason =
  | { code: "edition"; edition: string }
  | { code: "term"; months: number | null }
  | { code: "auto_renew" }
  | { code: "too_late"; endedAt: Date }
  | { code: "not_active" }
  | { code: "already_refunded" }
  | { code: "change_order" }
  | { code: "nothing_paid" };

/** One paid line of an order as the rule sees it: a service item (refunded by days) or a phone pack (kept). */
export interface RefundLineInput {
  id: string;
  sku: string;
  kind: "service" | "phone_pack";
  quantity: number;
  /** What was actually paid for the line (its share of the order total, after discounts and vouchers). */
  paid: string;
  startsAt: Date;
  /** The end of the line's term; null for a phone pack. */
  expiresAt: Date | null;
}

export interface RefundOrderInput {
  id: string;
  number: string;
  /** "purchase", or a change order's kind (add, raise, renew, scheduled_renewal). */
  kind: string;
  edition: string;
  /** Whether the order has been paid and its services provisioned ("fulfilled"). */
  active: boolean;
  /** Whether a refund of it has already been asked (one refund per order). */
  refunded: boolean;
  isChange: boolean;
  autoRenews: boolean;
  /** When it was paid and its services began. */
  purchasedAt: Date;
  /** The seats' term in months (a year is 12); null when the order has none. */
  termMonths: number | null;
  /** The voucher's part of the order (a positive amount, "100.00"): never returned. */
  voucher: string;
  lines: RefundLineInput[];
}

export interface LineRefund {
  id: string;
  sku: string;
  kind: "service" | "phone_pack";
  quantity: number;
  paid: string;
  usedDays: number;
  totalDays: number;
  /** paid × usedDays ÷ totalDays, half up to the fen (the whole of it for a phone pack: its credit stays). */
  kept: string;
  refund: string;
}

export interface OrderRefund {
  orderId: string;
  number: string;
  kind: string;
  paid: string;
  voucher: string;
  refund: string;
  kept: string;
  /** refunded: everything paid comes back; partially_refunded: some of it is kept. */
  outcome: "refunded" | "partially_refunded";
  lines: LineRefund[];
}

export interface RefundPreview {
  stopAt: Date;
  /** The last instant a request is accepted (exclusive): the purchase plus REFUND_WINDOW_DAYS days. */
  eligibleUntil: Date;
  /** The order asked for first, then its change orders. */
  orders: OrderRefund[];
  paid: string;
  voucher: string;
  refund: string;
  kept: string;
  /** Phone packs among the lines: their credit stays and nothing of them comes back. */
  keepsPhoneCredit: boolean;
}

export type Eligibility = { eligible: true; stopAt: Date; eligibleUntil: Date } | { eligible: false; reasons: IneligibleReason[] };

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY_MS);

/** Where the service of an order bought at `purchasedAt` stops on a refund: day 31 after the purchase. */
export function refundStopAt(purchasedAt: Date): Date {
  return addDays(purchasedAt, REFUND_WINDOW_DAYS);
}

/** Days from `from` to `to`, a started day counting as a day; never negative. */
export function startedDays(from: Date, to: Date): number {
  return Math.max(0, Math.ceil((to.getTime() - from.getTime()) / DAY_MS));
}

/** Whether the buyer may refund `order` at `now`, or every reason why not. */
export function refundEligibility(order: RefundOrderInput, now: Date): Eligibility {
  const reasons: IneligibleReason[] = [];
  const eligibleUntil = refundStopAt(order.purchasedAt);
  if (order.refunded) return { eligible: false, reasons: [{ code: "already_refunded" }] };
  if (order.isChange) return { eligible: false, reasons: [{ code: "change_order" }] };
  if (!order.active) return { eligible: false, reasons: [{ code: "not_active" }] };
  if (!REFUNDABLE_EDITIONS.includes(order.edition)) reasons.push({ code: "edition", edition: order.edition });
  if (order.termMonths === null || order.termMonths <= 1) reasons.push({ code: "term", months: order.termMonths });
  if (order.autoRenews) reasons.push({ code: "auto_renew" });
  if (now.getTime() >= eligibleUntil.getTime()) reasons.push({ code: "too_late", endedAt: eligibleUntil });
  if (reasons.length === 0 && order.lines.every((l) => parseFen(l.paid) <= 0)) reasons.push({ code: "nothing_paid" });
  return reasons.length ? { eligible: false, reasons } : { eligible: true, stopAt: eligibleUntil, eligibleUntil };
}

/** One line's refund when its service stops at `stopAt`: paid − used ÷ total × paid, the used part half up to the fen. */
export function lineRefund(line: RefundLineInput, stopAt: Date): LineRefund {
  const paidFen = parseFen(line.paid);
  const base = { id: line.id, sku: line.sku, kind: line.kind, quantity: line.quantity, paid: line.paid };
  if (line.kind === "phone_pack" || !line.expiresAt) return { ...base, usedDays: 0, totalDays: 0, kept: line.paid, refund: "0.00" };
  const totalDays = Math.max(1, startedDays(line.startsAt, line.expiresAt));
  const usedDays = Math.min(totalDays, startedDays(line.startsAt, stopAt));
  const keptFen = new Decimal(paidFen).times(usedDays).dividedBy(totalDays).toDecimalPlaces(0).toNumber();
  return { ...base, usedDays, totalDays, kept: fenToAmount(keptFen), refund: fenToAmount(paidFen - keptFen) };
}

/** What one order (the one asked for, or one of its change orders) gives back when service stops at `stopAt`. */
export function orderRefund(order: RefundOrderInput, stopAt: Date): OrderRefund {
  const lines = order.lines.map((l) => lineRefund(l, stopAt));
  const sum = (pick: (l: LineRefund) => string) => fenToAmount(lines.reduce((s, l) => s + parseFen(pick(l)), 0));
  const paid = sum((l) => l.paid);
  const refund = sum((l) => l.refund);
  return {
    orderId: order.id,
    number: order.number,
    kind: order.kind,
    paid,
    voucher: order.voucher,
    refund,
    kept: sum((l) => l.kept),
    outcome: refund === paid ? "refunded" : "partially_refunded",
    lines,
  };
}

/**
 * The refund preview of `order` asked at `now`, with its change orders (refunded with it by the same
 * rule: their service stops at the same date), or why it cannot be refunded. Change orders already
 * refunded are left out.
 */
export function refundPreview(
  order: RefundOrderInput,
  changes: readonly RefundOrderInput[],
  now: Date,
): { ok: true; preview: RefundPreview } | { ok: false; reasons: IneligibleReason[] } {
  const eligibility = refundEligibility(order, now);
  if (!eligibility.eligible) return { ok: false, reasons: eligibility.reasons };
  const { stopAt, eligibleUntil } = eligibility;
  const orders = [order, ...changes.filter((c) => c.active && !c.refunded)].map((o) => orderRefund(o, stopAt));
  const total = (pick: (o: OrderRefund) => string) => fenToAmount(orders.reduce((s, o) => s + parseFen(pick(o)), 0));
  return {
    ok: true,
    preview: {
      stopAt,
      eligibleUntil,
      orders,
      paid: total((o) => o.paid),
      voucher: total((o) => o.voucher),
      refund: total((o) => o.refund),
      kept: total((o) => o.kept),
      keepsPhoneCredit: orders.some((o) => o.lines.some((l) => l.kind === "phone_pack")),
    },
  };
}

export interface SimulatedDay {
  /** The request's instant: the purchase plus (day − 1) days. */
  at: Date;
  /** 1 on the day of purchase. */
  day: number;
  result: ReturnType<typeof refundPreview>;
}

/**
 * The simulator: the preview for a request on each day from `from` (the day `now` falls on) to the
 * first day past the window, so the buyer sees the amount on every day up to the last eligible one.
 */
export function simulateRefund(order: RefundOrderInput, changes: readonly RefundOrderInput[], now: Date): SimulatedDay[] {
  const first = Math.max(1, Math.floor((now.getTime() - order.purchasedAt.getTime()) / DAY_MS) + 1);
  const days: SimulatedDay[] = [];
  for (let day = first; day <= REFUND_WINDOW_DAYS + 1; day++) {
    const at = addDays(order.purchasedAt, day - 1);
    days.push({ at, day, result: refundPreview(order, changes, at) });
  }
  return days;
}
