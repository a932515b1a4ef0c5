import type { Edition } from "@/lib/catalog";
import { Decimal, roundToFen, toAmount } from "@/lib/money/decimal";

export interface SeatPricePoints {
  /** Annual list price per seat. */
  year?: string;
  /** Monthly list price per seat. */
  month?: string;
  /** The annual price spread over 12 months, rounded to the fen. */
  yearPerMonth?: string;
  /** Twelve months at the monthly price. */
  monthTimesTwelve?: string;
  /** Whole percent the annual price saves over twelve monthly payments, rounded down. */
  annualSavingPercent?: number;
}

/** The per-seat figures the pricing page shows for an edition. */
export function seatPricePoints(edition: Edition): SeatPricePoints {
  const { year, month } = edition.prices;
  const points: SeatPricePoints = { year, month };
  if (year) points.yearPerMonth = toAmount(roundToFen(new Decimal(year).dividedBy(12)));
  if (month) points.monthTimesTwelve = toAmount(new Decimal(month).times(12));
  if (year && month) {
    const twelve = new Decimal(month).times(12);
    points.annualSavingPercent = twelve.minus(year).dividedBy(twelve).times(100).floor().toNumber();
  }
  return points;
}
