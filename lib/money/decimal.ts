// Decimal arithmetic for money that can have a fraction of a fen (shares, divisions, percentages).
// Kept apart from the formatters so the browser bundle carries decimal.js only where it is used.
import DecimalJs from "decimal.js";

/**
 * The one decimal type used for money: 40 significant digits and half-up rounding, isolated
 * from any global Decimal configuration another package might set.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

/** The single rounding rule: half-up to the fen (two decimal places). */
export function roundToFen(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Money as the API writes it: a plain decimal string with exactly two places ("52488.00"). */
export function toAmount(value: Decimal): string {
  return value.toFixed(2);
}
