import { and, desc, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "../client";
import { gifts, memberships, orders, user, type GiftRow, type MembershipRow, type OrderRow } from "../schema";

type NewMembership = typeof memberships.$inferInsert;
type NewGift = typeof gifts.$inferInsert;

/** Every membership (of any tier, running or ended) of a person. */
export async function listMemberships(db: Db, params: { userId: string }): Promise<MembershipRow[]> {
  return db.select().from(memberships).where(eq(memberships.userId, params.userId));
}

/** A person's membership row of one tier, locked (SELECT … FOR UPDATE) for the caller's transaction. */
export async function lockMembership(tx: Db, params: { userId: string; tier: string }): Promise<MembershipRow | undefined> {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, params.userId), eq(memberships.tier, params.tier)))
    .for("update");
  return row;
}

/** Inserts a person's first run of a tier (the caller holds no row: a concurrent insert fails on the unique key). */
export async function insertMembership(tx: Db, row: NewMembership): Promise<void> {
  await tx.insert(memberships).values(row);
}

/** Writes a membership row's run (start, expiry, what was paid for how many months) and its renewal settings. */
export async function updateMembership(
  tx: Db,
  params: {
    id: string;
    set: Partial<
      Pick<
        NewMembership,
        "startsAt" | "expiresAt" | "paidAmount" | "months" | "autoRenew" | "agreementId" | "agreementOrderId" | "lastOrderId"
      >
    >;
    now: Date;
  },
): Promise<void> {
  await tx
    .update(memberships)
    .set({ ...params.set, updatedAt: params.now })
    .where(eq(memberships.id, params.id));
}

/** Turns auto-renew on or off on the person's own membership; false when it is not theirs (or has no agreement to resume). */
export async function setAutoRenew(
  db: Db,
  params: { userId: string; membershipId: string; autoRenew: boolean; now: Date },
): Promise<boolean> {
  const rows = await db
    .update(memberships)
    .set({ autoRenew: params.autoRenew, updatedAt: params.now })
    .where(and(eq(memberships.id, params.membershipId), eq(memberships.userId, params.userId)))
    .returning({ id: memberships.id, agreementId: memberships.agreementId });
  return rows.length === 1;
}

/** A person's membership orders (every membership kind), newest first. */
export async function listMembershipOrders(db: Db, params: { userId: string }): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.userId, params.userId),
        inArray(orders.kind, ["membership", "membership_renewal", "membership_upgrade", "membership_gift"]),
      ),
    )
    .orderBy(desc(orders.createdAt));
}

/** Stores the gift an order paid for, once per order; undefined when it already exists. */
export async function insertGiftOnce(tx: Db, row: NewGift): Promise<GiftRow | undefined> {
  const [inserted] = await tx.insert(gifts).values(row).onConflictDoNothing({ target: gifts.orderId }).returning();
  return inserted;
}

/** The gifts a person gave, newest first. */
export async function listGiftsGiven(db: Db, params: { userId: string }): Promise<GiftRow[]> {
  return db.select().from(gifts).where(eq(gifts.giverUserId, params.userId)).orderBy(desc(gifts.createdAt));
}

/** The gifts a person claimed, newest first. */
export async function listGiftsReceived(db: Db, params: { userId: string }): Promise<GiftRow[]> {
  return db.select().from(gifts).where(eq(gifts.recipientUserId, params.userId)).orderBy(desc(gifts.claimedAt));
}

/**
 * Claims every gift still waiting for `phone` for `userId` (a conditional update: a gift is claimed once,
 * whoever races for it) and answers the gifts claimed now.
 */
export async function claimGiftsForPhone(tx: Db, params: { phone: string; userId: string; now: Date }): Promise<GiftRow[]> {
  return tx
    .update(gifts)
    .set({ status: "claimed", recipientUserId: params.userId, claimedAt: params.now })
    .where(and(eq(gifts.phone, params.phone), eq(gifts.status, "sent")))
    .returning();
}

/** The account that proved `phone` (better-auth's phone-number plugin), if any. */
export async function findUserByVerifiedPhone(db: Db, params: { phone: string }): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.phoneNumber, params.phone), eq(user.phoneNumberVerified, true)));
  return row;
}

/** The number a person proved, if any. */
export async function getVerifiedPhone(db: Db, params: { userId: string }): Promise<string | undefined> {
  const [row] = await db
    .select({ phone: user.phoneNumber, verified: user.phoneNumberVerified })
    .from(user)
    .where(eq(user.id, params.userId));
  return row?.verified && row.phone ? row.phone : undefined;
}

/** Memberships with auto-renew on whose expiry falls in (after, before], optionally of one person: what the renewal job looks at. */
export async function listRenewableMemberships(db: Db, params: { after: Date; before: Date; userId?: string }): Promise<MembershipRow[]> {
  return db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.autoRenew, true),
        gt(memberships.expiresAt, params.after),
        lte(memberships.expiresAt, params.before),
        params.userId ? eq(memberships.userId, params.userId) : undefined,
      ),
    );
}

/** One membership row by id. */
export async function getMembership(db: Db, params: { id: string }): Promise<MembershipRow | undefined> {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, params.id));
  return row;
}
