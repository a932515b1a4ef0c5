// What a membership order bought, as stored in orders.cart (its kind says which): enough for fulfilment to
// apply it without re-reading anything the price depended on.
export type MembershipCart =
  | {
      type: "open";
      tier: string;
      months: number;
      autoRenew: boolean;
      /** A renewal charged on the membership's agreement by the renewal job: the period it renews. */
      renewal?: { membershipId: string; periodKey: string };
    }
  | {
      type: "upgrade";
      tier: string;
      months: number;
      from: string;
      fromMembershipId: string;
      /** What was actually paid per month for `from`, and the upgrade's price per month, in fen. */
      paidMonthFen: number;
      pricePerMonthFen: number;
    }
  | { type: "gift"; tier: string; months: number; phone: string; message: string | null };

export const MEMBERSHIP_KINDS = ["membership", "membership_renewal", "membership_upgrade", "membership_gift"] as const;

/** Whether an order is a personal membership's (no organisation: fulfilment applies it to the person). */
export function isMembershipOrder(order: { kind: string }): boolean {
  return (MEMBERSHIP_KINDS as readonly string[]).includes(order.kind);
}
