import type { CallKind } from "./rating";

/**
 * Who may call what (PRODUCT.md §8, the phone-pack rules of the source): with credit every
 * edition gets call-me and mainland dial-in; dialling out needs pro or higher and, on pro,
 * business and education, a grant; overseas numbers (call-me or dial-out) need business,
 * education or higher and a grant. Operators record grants per organisation.
 */
export const PHONE_GRANTS = ["dial_out", "overseas"] as const;
export type PhoneGrant = (typeof PHONE_GRANTS)[number];

/** The three outbound-calling offers: any destination, domestic only, or no dial-out. */
export const OUTBOUND_POLICIES = ["any", "domestic", "none"] as const;
export type OutboundPolicy = (typeof OUTBOUND_POLICIES)[number];

const DIAL_OUT_EDITIONS = new Set(["pro", "business", "education", "enterprise", "education-plus"]);
/** Editions where dial-out comes with the edition, no grant needed. */
const DIAL_OUT_INCLUDED = new Set(["enterprise", "education-plus"]);
const OVERSEAS_EDITIONS = new Set(["business", "education", "enterprise", "education-plus"]);

export type DenyReason = "POLICY_DENIED" | "EDITION_DENIED" | "NOT_GRANTED" | "INSUFFICIENT_CREDIT" | "UNKNOWN_DESTINATION";

export interface CallRequest {
  kind: CallKind;
  /** Destination country (ISO alpha-2), already resolved: the home country for dial-in. */
  country: string;
}

/** The edition and grant gates alone: null when they let the call through. */
export function editionGate(
  call: CallRequest,
  org: { edition: string; grants: ReadonlySet<PhoneGrant> | readonly PhoneGrant[] },
  domestic: string,
): "EDITION_DENIED" | "NOT_GRANTED" | null {
  const grants = new Set(org.grants);
  const overseas = call.country !== domestic;
  if (call.kind === "dial_in_toll" || call.kind === "dial_in_toll_free") return null;
  if (call.kind === "dial_out") {
    if (!DIAL_OUT_EDITIONS.has(org.edition)) return "EDITION_DENIED";
    if (!DIAL_OUT_INCLUDED.has(org.edition) && !grants.has("dial_out")) return "NOT_GRANTED";
  }
  if (overseas) {
    if (!OVERSEAS_EDITIONS.has(org.edition)) return "EDITION_DENIED";
    if (!grants.has("overseas")) return "NOT_GRANTED";
  }
  return null;
}

/** The policy in force for a member: their own override, else the organisation's, else any destination. */
export function effectivePolicy(org: OutboundPolicy | null | undefined, member: OutboundPolicy | null | undefined): OutboundPolicy {
  return member ?? org ?? "any";
}

/** The outbound policy governs dial-out only (calls the bridge places to other people). */
export function policyAllows(policy: OutboundPolicy, call: CallRequest, domestic: string): boolean {
  if (call.kind !== "dial_out") return true;
  if (policy === "none") return false;
  if (policy === "domestic") return call.country === domestic;
  return true;
}

/** The balance floor: a charge may take the balance down to −overdraft, never further. */
export function fitsFloor(balanceFen: number, overdraftFen: number, chargeFen: number): boolean {
  return balanceFen - chargeFen >= -Math.max(0, overdraftFen);
}

/** What may still be spent: balance plus overdraft (0 when already at or past the floor). */
export function spendableFen(balanceFen: number, overdraftFen: number): number {
  return Math.max(0, balanceFen + Math.max(0, overdraftFen));
}
