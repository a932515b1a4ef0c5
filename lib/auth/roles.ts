// Isomorphic: the schema, server guards, scripts and client components share these.

/** Every role an account can hold; new accounts are buyers. */
export const ROLES = ["buyer", "sales", "operator"] as const;
export type Role = (typeof ROLES)[number];

/** The discount (percent) a sales account may grant until an operator changes it. */
export const DEFAULT_DISCOUNT_LIMIT_PERCENT = 15;

/** Narrows any value to a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
