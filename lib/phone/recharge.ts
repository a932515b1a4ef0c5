/**
 * Auto-recharge and low-balance rules (PRODUCT.md §8): when the balance drops below a threshold,
 * buy a set amount or top up to a target, at most a monthly cap; three failed charges in a row
 * turn it off. Amounts in fen.
 */
export interface AutoRechargeSettings {
  enabled: boolean;
  thresholdFen: number;
  mode: "amount" | "target";
  /** mode amount: what each recharge buys. */
  amountFen: number;
  /** mode target: the balance a recharge tops up to. */
  targetFen: number;
  monthlyCapFen: number;
  consecutiveFailures: number;
}

/** The smallest purchase of credit (¥20), direct or automatic. */
export const MIN_CREDIT_PURCHASE_FEN = 2000;
export const MAX_FAILURES = 3;

/** A balance change crossed the threshold downwards (at or above before, below after). */
export function crossedBelow(beforeFen: number, afterFen: number, thresholdFen: number): boolean {
  return beforeFen >= thresholdFen && afterFen < thresholdFen;
}

export type RechargeDecision =
  { charge: true; amountFen: number } | { charge: false; reason: "DISABLED" | "ABOVE_THRESHOLD" | "CAP_REACHED" };

/**
 * Whether to recharge now, and how much: below the threshold, the set amount or what reaches the
 * target (at least the ¥20 minimum), cut to what the monthly cap still allows; nothing when that
 * is under the minimum.
 */
export function rechargeDecision(s: AutoRechargeSettings, balanceFen: number, rechargedThisMonthFen: number): RechargeDecision {
  if (!s.enabled || s.consecutiveFailures >= MAX_FAILURES) return { charge: false, reason: "DISABLED" };
  if (balanceFen >= s.thresholdFen) return { charge: false, reason: "ABOVE_THRESHOLD" };
  const wanted = s.mode === "amount" ? s.amountFen : Math.max(MIN_CREDIT_PURCHASE_FEN, s.targetFen - balanceFen);
  const room = s.monthlyCapFen - rechargedThisMonthFen;
  const amountFen = Math.min(wanted, room);
  if (amountFen < MIN_CREDIT_PURCHASE_FEN) return { charge: false, reason: "CAP_REACHED" };
  return { charge: true, amountFen };
}

/** After a charge attempt: the failure count, and whether auto-recharge stays on. */
export function afterAttempt(
  s: AutoRechargeSettings,
  succeeded: boolean,
): { consecutiveFailures: number; enabled: boolean; turnedOff: boolean } {
  if (succeeded) return { consecutiveFailures: 0, enabled: s.enabled, turnedOff: false };
  const consecutiveFailures = s.consecutiveFailures + 1;
  const turnedOff = s.enabled && consecutiveFailures >= MAX_FAILURES;
  return { consecutiveFailures, enabled: s.enabled && !turnedOff, turnedOff };
}
