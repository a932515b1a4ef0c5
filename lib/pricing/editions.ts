// Rules about editions, decimal-free so the configurator's first load can use them.
import type { Catalog, Edition } from "@/lib/catalog";
import { fenToAmount, parseFen, timesFen } from "@/lib/money";

/** Editions sold only through quotes, at a per-seat price sales negotiates. */
export const NEGOTIATED_EDITIONS = ["enterprise", "education-plus"] as const;
/** The smallest seat count a negotiated per-seat price applies to. */
export const NEGOTIATED_MIN_SEATS = 256;

/** Whether sales may negotiate a per-seat price for an edition (seat count aside). */
export function isNegotiable(edition: string): boolean {
  return (NEGOTIATED_EDITIONS as readonly string[]).includes(edition);
}

/** Whether a negotiated per-seat price is allowed for this edition and seat count. */
export function allowsNegotiatedPrice(edition: string, seats: number | undefined): boolean {
  return isNegotiable(edition) && seats !== undefined && seats >= NEGOTIATED_MIN_SEATS;
}

/** Whether an edition is sold only after an operator verifies the buyer (the education editions). */
export function requiresVerification(catalog: Catalog, edition: string): boolean {
  return catalog.editions.find((e) => e.id === edition)?.verification ?? false;
}

export interface SeatPricePoints {
  /** Annual list price per seat. */
  year?: string;
  /** Monthly list price per seat. */
  month?: string;
  /** The annual price spread over 12 months, rounded half-up to the fen. */
  yearPerMonth?: string;
  /** Twelve months at the monthly price. */
  monthTimesTwelve?: string;
}

// Integer fen throughout: a twelfth rounds half-up as ⌊(2·fen + 12) / 24⌋, and the remainder of
// safe integers is exact, so no float ever rounds.
function floorDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b - (r !== 0 && r < 0 !== b < 0 ? 1 : 0);
}

/** The per-seat figures the pricing page shows for an edition (the annual saving: `annualSaving` in savings.ts). */
export function seatPricePoints(edition: Edition): SeatPricePoints {
  const { year, month } = edition.prices;
  const points: SeatPricePoints = { year, month };
  const yearFen = year === undefined ? undefined : parseFen(year);
  const twelveFen = month === undefined ? undefined : timesFen(parseFen(month), 12);
  if (yearFen !== undefined) points.yearPerMonth = fenToAmount(floorDiv(2 * yearFen + 12, 24));
  if (twelveFen !== undefined) points.monthTimesTwelve = fenToAmount(twelveFen);
  return points;
}
