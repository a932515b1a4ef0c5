import data from "./agreements.json" with { type: "json" };
import type { Agreement } from "./validate";

export type { Agreement };

/** Every agreement in force, each with its current version (data; validated at server start and in tests, like the catalog). */
export const agreements = data as Agreement[];

/** The agreements a buyer of `edition` must accept, in display order. */
export function agreementsFor(edition: string): Agreement[] {
  return agreements.filter((a) => (a.editions as string[]).includes(edition));
}

export interface Consent {
  agreementId: string;
  version: string;
}

/** The agreements of `edition` not accepted at their current version; empty when all are. */
export function missingConsents(edition: string, consents: readonly Consent[]): Agreement[] {
  return agreementsFor(edition).filter((a) => !consents.some((c) => c.agreementId === a.id && c.version === a.version));
}
