import type { PhoneRateCard } from "@/lib/catalog/phone-rates";
import { editionGate, effectivePolicy, policyAllows, spendableFen, type DenyReason, type OutboundPolicy, type PhoneGrant } from "./access";
import { destinationOf, minutesCovered, rateIn, rateVersionAt, type CallKind } from "./rating";

export interface AuthorizeFacts {
  edition: string;
  grants: readonly PhoneGrant[];
  orgPolicy: OutboundPolicy | null;
  memberPolicy: OutboundPolicy | null;
  balanceFen: number;
  overdraftFen: number;
}

export type AuthorizeDecision =
  | { allow: true; kind: CallKind; country: string; rate: string; rateVersion: string; maxMinutes: number }
  | { allow: false; reason: DenyReason };

/**
 * May this call be placed? Checks in a fixed order so each refusal has one stable reason:
 * the outbound policy, the edition, the grants, a rate for the destination, then the credit
 * (balance + overdraft must cover at least one minute). `now` picks the rate card version.
 */
export function authorizeCall(
  card: PhoneRateCard,
  call: { kind: CallKind; country?: string | null },
  facts: AuthorizeFacts,
  now: Date,
): AuthorizeDecision {
  const version = rateVersionAt(card, now);
  if (!version) return { allow: false, reason: "UNKNOWN_DESTINATION" };
  const country = destinationOf(version, call.kind, call.country);
  const request = { kind: call.kind, country };
  if (!policyAllows(effectivePolicy(facts.orgPolicy, facts.memberPolicy), request, version.domestic))
    return { allow: false, reason: "POLICY_DENIED" };
  const gate = editionGate(request, { edition: facts.edition, grants: facts.grants }, version.domestic);
  if (gate) return { allow: false, reason: gate };
  const rate = rateIn(version, call.kind, country);
  if (rate === null) return { allow: false, reason: "UNKNOWN_DESTINATION" };
  const maxMinutes = minutesCovered(spendableFen(facts.balanceFen, facts.overdraftFen), rate);
  if (maxMinutes < 1) return { allow: false, reason: "INSUFFICIENT_CREDIT" };
  return { allow: true, kind: call.kind, country, rate, rateVersion: version.version, maxMinutes };
}
