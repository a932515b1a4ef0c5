/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet, the last one a check character over the first 17.
 */
export const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

/** Trims and upper-cases a code as typed; people often enter it in lower case or with spaces around it. */
export function normalizeUscc(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character for the first 17 characters of a code, or undefined if they are not 17 valid characters. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== WEIGHTS.length) return undefined;
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Whether a code is a well-formed unified social credit code with a correct check character (case and surrounding spaces ignored). */
export function isValidUscc(code: string): boolean {
  const normalized = normalizeUscc(code);
  return SHAPE.test(normalized) && usccCheckChar(normalized.slice(0, 17)) === normalized.charAt(17);
}

/** Why a code is not a valid unified social credit code, each cause with its own message. */
export type UsccProblem = "required" | "length" | "characters" | "check";

/**
 * The first thing wrong with a code as typed (case and surrounding spaces ignored), or undefined
 * when it is valid: empty, not 18 characters, a character outside the alphabet (I, O, S, V, Z,
 * punctuation, full-width forms), or a check character that does not match the first 17.
 */
export function usccProblem(code: string): UsccProblem | undefined {
  const normalized = normalizeUscc(code);
  if (normalized === "") return "required";
  if ([...normalized].some((c) => !USCC_ALPHABET.includes(c))) return "characters";
  if (normalized.length !== 18) return "length";
  return usccCheckChar(normalized.slice(0, 17)) === normalized.charAt(17) ? undefined : "check";
}

/** The message key (namespace "OrgDetails.errors") of each problem. */
export const USCC_PROBLEM_KEYS: Record<UsccProblem, string> = {
  required: "uscc",
  length: "usccLength",
  characters: "usccCharacters",
  check: "usccCheck",
};
