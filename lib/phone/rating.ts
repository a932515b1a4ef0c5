import type { PhoneRateCard, PhoneRateVersion } from "@/lib/catalog/phone-rates";
import { Decimal, roundToFen } from "@/lib/money/decimal";

/** The kinds of call the rate card prices (PRODUCT.md §8). */
export const CALL_KINDS = ["dial_in_toll", "dial_in_toll_free", "call_me", "dial_out"] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** The rate card version in force at `at`: the latest whose effectiveFrom is not after it (null before the first). */
export function rateVersionAt(card: PhoneRateCard, at: Date): PhoneRateVersion | null {
  let found: PhoneRateVersion | null = null;
  for (const v of card.versions) if (new Date(v.effectiveFrom).getTime() <= at.getTime()) found = v;
  return found;
}

/** A call's destination country for rating: dial-in numbers are the home country's, whatever the caller sent. */
export function destinationOf(version: Pick<PhoneRateVersion, "domestic">, kind: CallKind, country: string | null | undefined): string {
  return kind === "dial_in_toll" || kind === "dial_in_toll_free" ? version.domestic : (country ?? "").toUpperCase();
}

/** The per-minute rate (yuan, decimal string) for a kind and destination in one version, or null when it has none. */
export function rateIn(version: PhoneRateVersion, kind: CallKind, country: string | null | undefined): string | null {
  switch (kind) {
    case "dial_in_toll":
      return version.dialIn.toll;
    case "dial_in_toll_free":
      return version.dialIn.tollFree;
    case "call_me":
      return version.callMe[destinationOf(version, kind, country)] ?? null;
    case "dial_out":
      return version.dialOut[destinationOf(version, kind, country)] ?? null;
  }
}

/** Minutes billed for a call: every started minute (61 s → 2, 60 s → 1, 0 s → 0). */
export function billedMinutes(durationSeconds: number): number {
  if (!Number.isInteger(durationSeconds) || durationSeconds < 0) throw new RangeError(`duration ${durationSeconds}`);
  return Math.ceil(durationSeconds / 60);
}

/** What a call costs in fen: minutes × rate, rounded half-up to the fen once for the whole call. */
export function callChargeFen(minutes: number, rate: string): number {
  return roundToFen(new Decimal(rate).times(minutes)).times(100).toNumber();
}

export interface RatedCall {
  version: string;
  country: string;
  rate: string;
  minutes: number;
  /** Charge in fen (≥ 0). */
  fen: number;
}

/**
 * Rates one call at the version in force when it started. null when no version is in force yet or
 * the version has no rate for its destination (the caller refuses it as UNKNOWN_DESTINATION).
 */
export function rateCall(
  card: PhoneRateCard,
  call: { kind: CallKind; country?: string | null; startedAt: Date; durationSeconds: number },
): RatedCall | null {
  const version = rateVersionAt(card, call.startedAt);
  if (!version) return null;
  const rate = rateIn(version, call.kind, call.country);
  if (rate === null) return null;
  const minutes = billedMinutes(call.durationSeconds);
  return {
    version: version.version,
    country: destinationOf(version, call.kind, call.country),
    rate,
    minutes,
    fen: callChargeFen(minutes, rate),
  };
}

/**
 * The most whole minutes `availableFen` pays for at `rate` (0 when it does not cover one). Nothing to spend covers
 * nothing, even at a rate so low that a few minutes' rounded charge is 0 fen.
 */
export function minutesCovered(availableFen: number, rate: string): number {
  if (availableFen <= 0) return 0;
  const perMinute = new Decimal(rate).times(100);
  if (perMinute.lte(0)) return Number.MAX_SAFE_INTEGER;
  // The charge is rounded once per call, so check the rounded charge, not just the quotient.
  let m = new Decimal(availableFen).div(perMinute).floor().toNumber();
  while (m > 0 && callChargeFen(m, rate) > availableFen) m--;
  while (callChargeFen(m + 1, rate) <= availableFen) m++;
  return m;
}

/** A stored rate ("0.2500", "0.1250") as people read it: at least two places, no trailing zeros past them ("0.25", "0.125"). */
export function rateText(rate: string): string {
  const [whole, frac = ""] = rate.split(".");
  return `${whole}.${frac.replace(/0+$/, "").padEnd(2, "0")}`;
}
