/**
 * The commit rule of a quantity field. Typing may pass through text that is not a quantity yet
 * ("", "1e", "-"); only a whole number is committed, so a half-typed figure never reaches the cart.
 * Bounds are not checked here: a figure past the allowance is committed and its rule explains it.
 */
export function parseTypedQuantity(text: string): number | undefined {
  const trimmed = text.trim();
  // A number input reports "1.0" or "1e1" for figures a buyer may type; only plain digits count.
  if (!/^\d{1,9}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/** What − or + makes of a value: one step, kept within [min, max]; an empty field starts from the edge it moves away from. */
export function stepQuantity(value: number | undefined, delta: 1 | -1, min: number, max: number): number {
  const from = value ?? (delta > 0 ? min - 1 : min + 1);
  return Math.min(max, Math.max(min, from + delta));
}
