// Splitting an amount of integer fen into parts by ratios, with nothing lost to rounding.
// Modelled on dinero.js's `allocate`: each part gets floor(amount × ratio ÷ Σ ratios), and the
// fen left over go one by one to the first parts with a non-zero ratio.

/**
 * Splits `amount` fen (a non-negative integer) into one part per ratio (non-negative integers,
 * e.g. the fen of each line): the parts sum to `amount` exactly, none is negative, each is within
 * one fen of its exact share, and a zero ratio gets nothing. All-zero ratios allocate only zero.
 */
export function allocate(amount: bigint, ratios: readonly bigint[]): bigint[] {
  if (amount < 0n) throw new RangeError(`allocate: negative amount ${amount}`);
  if (ratios.some((r) => r < 0n)) throw new RangeError("allocate: negative ratio");
  const total = ratios.reduce((a, b) => a + b, 0n);
  if (total === 0n) {
    if (amount === 0n) return ratios.map(() => 0n);
    throw new RangeError("allocate: an amount cannot be split by ratios that are all zero");
  }
  const parts = ratios.map((r) => (amount * r) / total);
  let remainder = amount - parts.reduce((a, b) => a + b, 0n);
  // Fewer fen remain than there are non-zero ratios, so one pass hands them all out.
  for (let i = 0; remainder > 0n; i++) {
    if (ratios[i] === 0n) continue;
    parts[i]! += 1n;
    remainder -= 1n;
  }
  return parts;
}

/** `allocate` for fen held as safe integers (as `parseFen` gives them); exact through bigint inside. */
export function allocateFen(amount: number, ratios: readonly number[]): number[] {
  return allocate(BigInt(amount), ratios.map(BigInt)).map((part) => Number(part));
}
