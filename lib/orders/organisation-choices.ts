// The buyer's organisations as the checkout offers them: a free one is upgraded in place, a paid
// one is added to through its services (a mid-term change), never bought a second time by accident.
import type { Db } from "@/lib/db/client";
import { listOwnedOrganisations, type OwnedOrganisation } from "@/lib/db/queries/organisations";

/** An organisation as the checkout's picker shows it: what tells it apart from the buyer's others. */
export interface OrganisationChoice {
  id: string;
  name: string;
  edition: string;
  seats: number | null;
  /** ISO time its seats (or, on the free edition, its last add-on) expire; null when it holds nothing that expires. */
  expiresAt: string | null;
}

/** Whether a purchase may upgrade this organisation in place: only one on the free edition (a paid one changes mid-term, PRODUCT.md §6.1). */
export function canUpgradeInPlace(org: Pick<OwnedOrganisation, "edition">): boolean {
  return org.edition === "free";
}

/** The picker's view of an organisation. */
export function toChoice(org: OwnedOrganisation): OrganisationChoice {
  return { id: org.id, name: org.name, edition: org.edition, seats: org.seats, expiresAt: org.expiresAt?.toISOString() ?? null };
}

/** The buyer's organisations for the checkout: free ones (upgrade in place) and paid ones (add to them from their services). */
export async function organisationChoices(
  db: Db,
  params: { userId: string },
): Promise<{ freeOrganisations: OrganisationChoice[]; paidOrganisations: OrganisationChoice[] }> {
  const owned = await listOwnedOrganisations(db, params);
  return {
    freeOrganisations: owned.filter(canUpgradeInPlace).map(toChoice),
    paidOrganisations: owned.filter((o) => !canUpgradeInPlace(o)).map(toChoice),
  };
}
