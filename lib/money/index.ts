// Money as integer fen and as text. Pure and dependency-free: the browser bundle includes it.
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

// ".00"–".99" looked up rather than built: pricing writes every line's amount on every keystroke and API call.
const CENTS = Array.from({ length: 100 }, (_, c) => `.${c < 10 ? "0" : ""}${c}`);
const centsText = (cents: number) => CENTS[cents] ?? `.${cents < 10 ? "0" : ""}${cents}`;

const fenCache = new Map<string, number>();

/**
 * Integer fen of a decimal amount string with at most two places ("1390.00" → 139000).
 * List-price arithmetic runs on integer fen: exact (the catalog caps prices so every product
 * stays a safe integer) and fast enough to price carts on every keystroke.
 */
export function parseFen(amount: string): number {
  let fen = fenCache.get(amount);
  if (fen === undefined) {
    const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
    if (!match) throw new Error(`not a money amount: ${amount}`);
    fen = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
    if (match[1]) fen = -fen;
    if (!Number.isSafeInteger(fen)) throw new Error(`money amount out of range: ${amount}`);
    if (fenCache.size < 10_000) fenCache.set(amount, fen);
  }
  return fen;
}

/** Multiplies integer fen by whole numbers, refusing any result that would lose precision. */
export function timesFen(fen: number, ...factors: number[]): number {
  let product = fen;
  for (const f of factors) product *= f;
  if (!Number.isSafeInteger(product)) throw new Error("money amount out of range");
  return product;
}

/** Integer fen as the API writes money: "52488.00". */
export function fenToAmount(fen: number): string {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const text = `${(abs - cents) / 100}${centsText(cents)}`;
  return fen < 0 ? `-${text}` : text;
}

/**
 * Formats a money amount string for people: "¥52,488.00", or "¥1,390" with `compact` when the
 * amount is whole. A Decimal is formatted through `toAmount` first, so every figure shown has been
 * rounded by the one half-up rule. Hand-written rather than Intl-based so browser and server print
 * byte-identical text.
 */
export function formatMoney(amount: string, options: { compact?: boolean } = {}): string {
  return formatFen(parseFen(amount), options);
}

/** `formatMoney` for integer fen. */
export function formatFen(fen: number, options?: { compact?: boolean }): string {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const tail = cents === 0 && options?.compact ? "" : centsText(cents);
  return `${fen < 0 ? "-¥" : "¥"}${groupThousands(String((abs - cents) / 100))}${tail}`;
}

/** Compares two amount strings of at most two places by value ("10" and "10.00" are equal): −1, 0 or 1. */
export function compareAmounts(a: string, b: string): -1 | 0 | 1 {
  const d = parseFen(a) - parseFen(b);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** Whether two amounts (or two absent amounts) are the same value. */
export function sameAmount(a: string | null, b: string | null): boolean {
  return a === null || b === null ? a === b : compareAmounts(a, b) === 0;
}

/** Whether an amount string is zero ("0", "0.00", "-0.00"). */
export function isZero(amount: string): boolean {
  return parseFen(amount) === 0;
}

/** How an amount may be written: whole digits (default {@link AMOUNT_DIGITS}) and decimal places (1–2, or exactly 2). */
export interface AmountFormat {
  digits?: number;
  places?: "upTo2" | "exactly2";
}

/** Whole digits of any money amount: below a trillion yuan, the most a payment carries. */
export const AMOUNT_DIGITS = 12;
/** Whole digits of a unit price (catalog or negotiated): every line (× 999 units × 11 periods) stays an exact integer of fen. */
export const PRICE_DIGITS = 9;

const patterns = new Map<string, RegExp>();

/** The one pattern of a non-negative money amount written as text, e.g. "1390", "1390.5", "1390.50". */
export function amountPattern({ digits = AMOUNT_DIGITS, places = "upTo2" }: AmountFormat = {}): RegExp {
  const key = `${digits}/${places}`;
  let pattern = patterns.get(key);
  if (!pattern) patterns.set(key, (pattern = new RegExp(`^\\d{1,${digits}}${places === "exactly2" ? "\\.\\d{2}" : "(\\.\\d{1,2})?"}$`)));
  return pattern;
}

/** Whether text is a non-negative amount in the given format. */
export function isAmount(text: string, format?: AmountFormat): boolean {
  return amountPattern(format).test(text);
}
