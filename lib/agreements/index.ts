import data from "./agreements.json" with { type: "json" };
import { missingFrom, type AgreementVersion, type Consent } from "./consents";
import type { Agreement } from "./validate";

export type { Agreement, AgreementVersion, Consent };

/** Every agreement in force, each with its current version (data; validated at server start and in tests, like the catalog). */
export const agreements = data as Agreement[];

/** The agreements a buyer of `edition` must accept, in display order. */
export function agreementsFor(edition: string): Agreement[] {
  return agreements.filter((a) => (a.editions as string[]).includes(edition));
}

/** The agreements of `edition` not accepted at their current version; empty when all are. */
export function missingConsents(edition: string, consents: readonly Consent[]): Agreement[] {
  return missingFrom(agreements, edition, consents);
}

/** Each agreement's id, version and editions: what the checkout wizard needs to tell whether its step is done. */
export function agreementVersions(): AgreementVersion[] {
  return agreements.map(({ id, version, editions }) => ({ id, version, editions }));
}
