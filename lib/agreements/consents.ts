// The consent rule on any list of agreements, without the agreements' texts: the checkout wizard gets only
// each agreement's id, version and editions from the page, so the texts stay out of /buy's first load.
import type { Agreement } from "./validate";

export interface Consent {
  agreementId: string;
  version: string;
}

/** What the consent rule reads of an agreement. */
export type AgreementVersion = Pick<Agreement, "id" | "version" | "editions">;

/** The agreements in `list` that `edition` requires and `consents` do not accept at their current version, in list order. */
export function missingFrom<A extends AgreementVersion>(list: readonly A[], edition: string, consents: readonly Consent[]): A[] {
  return list.filter(
    (a) => (a.editions as readonly string[]).includes(edition) && !consents.some((c) => c.agreementId === a.id && c.version === a.version),
  );
}
