import DecimalJs from "decimal.js";

/**
 * The one decimal type used for money: 40 significant digits and half-up rounding, isolated
 * from any global Decimal configuration another package might set.
 */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

const ZERO = new Decimal(0);

/** The single rounding rule: half-up to the fen (two decimal places). */
export function roundToFen(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Sums decimals exactly. */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Money as the API writes it: a plain decimal string with exactly two places ("52488.00"). */
export function toAmount(value: Decimal): string {
  return value.toFixed(2);
}

/** Integer fen, for storage and for payment providers. */
export function toFen(value: Decimal | string): bigint {
  return BigInt(new Decimal(value).times(100).toFixed(0));
}

/** Parses integer fen back into yuan. */
export function fromFen(fen: bigint | number): Decimal {
  return new Decimal(fen.toString()).dividedBy(100);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Formats money for people: "¥52,488.00", or "¥1,390" with `compact` when the amount is whole.
 * Hand-written rather than Intl-based so browser and server print byte-identical text.
 */
export function formatMoney(value: Decimal | string, options: { compact?: boolean } = {}): string {
  const d = typeof value === "string" ? new Decimal(value) : value;
  const fixed = d.abs().toFixed(2);
  const [whole = "0", fraction = "00"] = fixed.split(".");
  const sign = d.isNegative() && !d.isZero() ? "-" : "";
  const tail = options.compact && fraction === "00" ? "" : `.${fraction}`;
  return `${sign}¥${groupThousands(whole)}${tail}`;
}
