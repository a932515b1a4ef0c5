// Personal membership rules (PRODUCT.md §7). Pure: every rule takes `now` as an argument; money in integer fen.
import { findTier, type MembershipCatalog, type MembershipTier } from "@/lib/catalog/membership";
import { parseFen, timesFen } from "@/lib/money";
import { addMonthsUtc } from "@/lib/lifecycle/calendar";

export const DAY_MS = 86_400_000;
/** An upgrade needs at least this many days left on the membership it upgrades; each upgraded month uses this many. */
export const UPGRADE_DAYS_PER_MONTH = 31;

/** One running (or ended) membership of one tier: its current run of consecutive months. */
export interface MembershipState {
  id: string;
  tier: string;
  startsAt: Date;
  expiresAt: Date;
  /** What was actually paid for this run, in fen, and for how many months: the paid price per month is their ratio. */
  paidFen: number;
  months: number;
}

/** Whole days left before `expiresAt` (0 once it has passed). */
export function daysLeft(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS));
}

export function isActive(m: Pick<MembershipState, "expiresAt">, now: Date): boolean {
  return m.expiresAt.getTime() > now.getTime();
}

/**
 * The term rule: a membership runs for calendar months. A new one starts at `now` (the payment); buying the
 * same tier again while it runs adds the months to its current expiry. A day the target month lacks clamps
 * to its last day: Jan 31 + 1 month = Feb 28 (Feb 29 in a leap year), and the next month runs from there.
 */
export function termEnd(p: { currentExpiry?: Date | null; now: Date; months: number }): {
  startsAt: Date;
  expiresAt: Date;
  extends: boolean;
} {
  const running = !!p.currentExpiry && p.currentExpiry.getTime() > p.now.getTime();
  const from = running ? p.currentExpiry! : p.now;
  return { startsAt: from, expiresAt: addMonthsUtc(from, p.months), extends: running };
}

/** Whether `months` is a term one can buy (1–12 by default). */
export function isTerm(c: MembershipCatalog, months: number): boolean {
  return Number.isInteger(months) && months >= c.terms.minMonths && months <= c.terms.maxMonths;
}

/** The list price of `months` of `tier`, in fen. */
export function listPriceFen(tier: MembershipTier, months: number): number {
  return timesFen(parseFen(tier.monthPrice), months);
}

/** What was actually paid per month for a run, half-up to the fen. */
export function paidPerMonthFen(m: Pick<MembershipState, "paidFen" | "months">): number {
  if (m.months <= 0) return 0;
  return Math.floor((2 * m.paidFen + m.months) / (2 * m.months));
}

const sizeOf = (c: MembershipCatalog, tierId: string) => findTier(c, tierId)?.meetingSize ?? 0;

/** Of the memberships running at `now`, the one with the largest meeting size: the one an upgrade upgrades. */
export function largestActive<M extends MembershipState>(c: MembershipCatalog, memberships: readonly M[], now: Date): M | undefined {
  let best: M | undefined;
  for (const m of memberships) if (isActive(m, now) && (!best || sizeOf(c, m.tier) > sizeOf(c, best.tier))) best = m;
  return best;
}

/** The tiers larger than the membership an upgrade would start from. */
export function upgradeTargets(c: MembershipCatalog, memberships: readonly MembershipState[], now: Date): MembershipTier[] {
  const current = largestActive(c, memberships, now);
  if (!current) return [];
  return c.tiers.filter((t) => t.meetingSize > sizeOf(c, current.tier));
}

export type UpgradeRefusal =
  | { ok: false; reason: "NO_MEMBERSHIP" }
  | { ok: false; reason: "UNKNOWN_TIER" }
  | { ok: false; reason: "NOT_LARGER"; from: string }
  | { ok: false; reason: "TOO_FEW_DAYS"; from: string; daysLeft: number }
  | { ok: false; reason: "MONTHS_OUT_OF_RANGE"; from: string; maxMonths: number };

export interface UpgradeQuote {
  ok: true;
  from: string;
  fromMembershipId: string;
  to: string;
  daysLeft: number;
  /** floor(days left ÷ 31): the most months one upgrade may cover. */
  maxMonths: number;
  months: number;
  listMonthFen: number;
  paidMonthFen: number;
  /** new list price − what was actually paid per month for the current tier (never below zero). */
  pricePerMonthFen: number;
  totalFen: number;
  /** The upgraded months run from now. */
  startsAt: Date;
  expiresAt: Date;
}

/**
 * Upgrade to a larger tier: from the largest membership running, which needs ≥ 31 days left; whole months,
 * at most floor(days left ÷ 31), one by default. Price per month = the new tier's list price − what was
 * actually paid per month for the current one (¥499 − ¥30 = ¥469). The upgraded months run from now at the
 * larger tier; the current membership keeps its expiry (those months are now spent at the larger size).
 */
export function quoteUpgrade(
  c: MembershipCatalog,
  p: { memberships: readonly MembershipState[]; to: string; months?: number; now: Date },
): UpgradeQuote | UpgradeRefusal {
  const target = findTier(c, p.to);
  if (!target) return { ok: false, reason: "UNKNOWN_TIER" };
  const current = largestActive(c, p.memberships, p.now);
  if (!current) return { ok: false, reason: "NO_MEMBERSHIP" };
  if (target.meetingSize <= sizeOf(c, current.tier)) return { ok: false, reason: "NOT_LARGER", from: current.tier };
  const left = daysLeft(current.expiresAt, p.now);
  if (left < UPGRADE_DAYS_PER_MONTH) return { ok: false, reason: "TOO_FEW_DAYS", from: current.tier, daysLeft: left };
  const maxMonths = Math.floor(left / UPGRADE_DAYS_PER_MONTH);
  const months = p.months ?? 1;
  if (!Number.isInteger(months) || months < 1 || months > maxMonths)
    return { ok: false, reason: "MONTHS_OUT_OF_RANGE", from: current.tier, maxMonths };
  const listMonthFen = parseFen(target.monthPrice);
  const paidMonthFen = paidPerMonthFen(current);
  const pricePerMonthFen = Math.max(0, listMonthFen - paidMonthFen);
  return {
    ok: true,
    from: current.tier,
    fromMembershipId: current.id,
    to: target.id,
    daysLeft: left,
    maxMonths,
    months,
    listMonthFen,
    paidMonthFen,
    pricePerMonthFen,
    totalFen: timesFen(pricePerMonthFen, months),
    startsAt: p.now,
    expiresAt: addMonthsUtc(p.now, months),
  };
}

/** Whether `months` is a term one can give (1, 3 or 12 of the gift tier, never auto-renewing). */
export function isGiftTerm(c: MembershipCatalog, months: number): boolean {
  return c.giftMonths.includes(months);
}

/** The price of a gift of `months`, in fen; undefined for a term one cannot give. */
export function giftPriceFen(c: MembershipCatalog, months: number): number | undefined {
  const tier = findTier(c, c.giftTier);
  if (!tier || !isGiftTerm(c, months)) return undefined;
  return listPriceFen(tier, months);
}

/**
 * A mainland China mobile number as people type it: 11 digits starting 1[3-9], optionally after +86 / 86
 * and with spaces or hyphens between groups. Answers the 11 digits, or undefined when it is not one.
 */
export function normaliseMainlandMobile(input: string): string | undefined {
  const compact = input.trim().replace(/[\s-]/g, "");
  const digits = compact.replace(/^(?:\+86|0086)/, "");
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/**
 * Auto-renewal: each renewal is charged before expiry, on a schedule of attempts (hours before the expiry);
 * a failed attempt waits for the next; after the last one fails, the membership simply ends at expiry.
 */
export const RENEWAL_ATTEMPT_HOURS_BEFORE_EXPIRY = [72, 48, 24] as const;

/**
 * Which attempt (0-based) of renewing the period that starts at `expiresAt` is due at `now`, given how many
 * were already made for it; undefined when none is due (too early, all made, or the membership has ended).
 */
export function renewalAttemptDue(p: { expiresAt: Date; now: Date; attemptsMade: number }): number | undefined {
  const { expiresAt, now, attemptsMade } = p;
  if (now.getTime() >= expiresAt.getTime()) return undefined;
  if (attemptsMade >= RENEWAL_ATTEMPT_HOURS_BEFORE_EXPIRY.length) return undefined;
  const dueAt = expiresAt.getTime() - RENEWAL_ATTEMPT_HOURS_BEFORE_EXPIRY[attemptsMade]! * 3_600_000;
  return now.getTime() >= dueAt ? attemptsMade : undefined;
}

/** The key of the renewal period that starts at `expiresAt`: one charge per membership and key, ever. */
export function renewalPeriodKey(membershipId: string, expiresAt: Date): string {
  return `${membershipId}:${expiresAt.toISOString()}`;
}
