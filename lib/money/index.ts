// Money as integer fen and as text. Pure and dependency-free: the browser bundle includes it.
function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

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
  return `${fen < 0 ? "-" : ""}${(abs - cents) / 100}.${cents < 10 ? "0" : ""}${cents}`;
}

/**
 * Formats money for people: "¥52,488.00", or "¥1,390" with `compact` when the amount is whole.
 * Hand-written rather than Intl-based so browser and server print byte-identical text.
 */
export function formatMoney(value: string | { toFixed(places: number): string }, options: { compact?: boolean } = {}): string {
  return formatFen(parseFen(typeof value === "string" ? value : value.toFixed(2)), options);
}

/** `formatMoney` for integer fen. */
export function formatFen(fen: number, options: { compact?: boolean } = {}): string {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const tail = options.compact && cents === 0 ? "" : `.${cents < 10 ? "0" : ""}${cents}`;
  return `${fen < 0 ? "-" : ""}¥${groupThousands(String((abs - cents) / 100))}${tail}`;
}
