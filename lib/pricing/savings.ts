import { Decimal } from "@/lib/money/decimal";
import { fenToAmount, parseFen, timesFen } from "@/lib/money";

/** What buying a year at once saves over twelve monthly payments. */
export interface AnnualSaving {
  /** Yuan saved per seat (or unit) per year: twelve months' price minus the year's, exact to the fen. */
  amount: string;
  /** The saving as a whole percent of twelve months' price, rounded half-up once (15.99% → 16%). */
  percent: number;
}

/**
 * The annual saving for a yearly and a monthly list price ("988.00" and "98.00" → ¥188.00, 16%).
 * Negative when the year costs more than twelve months; undefined when either price is missing.
 */
export function annualSaving(year: string | undefined, month: string | undefined): AnnualSaving | undefined {
  if (year === undefined || month === undefined) return undefined;
  const twelve = timesFen(parseFen(month), 12);
  if (twelve === 0) return undefined;
  const saved = twelve - parseFen(year);
  const percent = new Decimal(saved).times(100).dividedBy(twelve).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  // Half-up rounds -0.4 to -0: a saving of nothing is 0%, not "-0%".
  return { amount: fenToAmount(saved), percent: percent === 0 ? 0 : percent };
}
