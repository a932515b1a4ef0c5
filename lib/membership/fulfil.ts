import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import {
  claimGiftsForPhone,
  findUserByVerifiedPhone,
  insertGiftOnce,
  insertMembership,
  lockMembership,
  updateMembership,
} from "@/lib/db/queries/memberships";
import { getOrder } from "@/lib/db/queries/orders";
import type { GiftRow, OrderRow } from "@/lib/db/schema";
import { findTier, membershipCatalog } from "@/lib/catalog/membership";
import { fenToAmount, parseFen } from "@/lib/money";
import { notify } from "@/lib/notifications";
import { addMonthsUtc } from "@/lib/lifecycle/calendar";
import type { MembershipCart } from "./cart";
import { termEnd } from "./rules";

/**
 * Adds `months` of `tier` to a person, paid `paidFen`: extends the tier's running membership from its expiry,
 * or starts a new run at `now` (PRODUCT.md §7; rules in ./rules.ts). Inside the caller's transaction.
 */
export async function grantMonths(
  tx: Db,
  p: {
    userId: string;
    tier: string;
    months: number;
    paidFen: number;
    now: Date;
    orderId: string;
    /** Set: the run's renewal settings change (continuous monthly turned on with this order's agreement); unset, they stay. */
    autoRenew?: { agreementId: string | null; agreementOrderId: string | null };
  },
): Promise<{ expiresAt: Date }> {
  const row = await lockMembership(tx, { userId: p.userId, tier: p.tier });
  const term = termEnd({ currentExpiry: row?.expiresAt, now: p.now, months: p.months });
  const renewal = p.autoRenew === undefined ? {} : { autoRenew: true, ...p.autoRenew };
  if (!row) {
    await insertMembership(tx, {
      id: randomUUID(),
      userId: p.userId,
      tier: p.tier,
      startsAt: term.startsAt,
      expiresAt: term.expiresAt,
      paidAmount: fenToAmount(p.paidFen),
      months: p.months,
      autoRenew: false,
      ...renewal,
      lastOrderId: p.orderId,
      createdAt: p.now,
      updatedAt: p.now,
    });
  } else if (term.extends) {
    await updateMembership(tx, {
      id: row.id,
      set: {
        expiresAt: term.expiresAt,
        paidAmount: fenToAmount(parseFen(row.paidAmount) + p.paidFen),
        months: row.months + p.months,
        lastOrderId: p.orderId,
        ...renewal,
      },
      now: p.now,
    });
  } else {
    await updateMembership(tx, {
      id: row.id,
      set: {
        startsAt: term.startsAt,
        expiresAt: term.expiresAt,
        paidAmount: fenToAmount(p.paidFen),
        months: p.months,
        lastOrderId: p.orderId,
        ...renewal,
      },
      now: p.now,
    });
  }
  return { expiresAt: term.expiresAt };
}

/** What fulfilling a membership order leaves for after its transaction (notices). */
export interface MembershipFulfilment {
  claimed: GiftRow[];
}

/**
 * Provisions a paid membership order inside the payment's transaction: open / buy again (months from the
 * payment or the expiry), upgrade (the larger tier for the upgraded months, from now; the membership it
 * upgrades keeps its expiry), gift (stored `sent`, claimed at once when an account has proved the number).
 */
export async function provisionMembership(tx: Db, order: OrderRow, now: Date): Promise<MembershipFulfilment> {
  const cart = order.cart as MembershipCart;
  const totalFen = parseFen(order.total);
  if (cart.type === "open") {
    await grantMonths(tx, {
      userId: order.userId,
      tier: cart.tier,
      months: cart.months,
      paidFen: totalFen,
      now,
      orderId: order.id,
      // Continuous monthly: the agreement this payment sets up is recorded right after (same transaction) and
      // found by its order; a renewal (its own agreement already linked) keeps the settings as they are.
      ...(cart.autoRenew && !cart.renewal ? { autoRenew: { agreementId: null, agreementOrderId: order.id } } : {}),
    });
    return { claimed: [] };
  }
  if (cart.type === "upgrade") {
    // Every upgraded month is worth the current tier's paid price plus the upgrade's price per month.
    const row = await lockMembership(tx, { userId: order.userId, tier: cart.tier });
    const set = {
      startsAt: now,
      expiresAt: addMonthsUtc(now, cart.months),
      paidAmount: fenToAmount((cart.paidMonthFen + cart.pricePerMonthFen) * cart.months),
      months: cart.months,
      lastOrderId: order.id,
    };
    if (row) await updateMembership(tx, { id: row.id, set, now });
    else await insertMembership(tx, { id: randomUUID(), userId: order.userId, tier: cart.tier, ...set, createdAt: now, updatedAt: now });
    return { claimed: [] };
  }
  await insertGiftOnce(tx, {
    id: randomUUID(),
    orderId: order.id,
    giverUserId: order.userId,
    phone: cart.phone,
    tier: cart.tier,
    months: cart.months,
    message: cart.message,
    status: "sent",
    createdAt: now,
  });
  const recipient = await findUserByVerifiedPhone(tx, { phone: cart.phone });
  return { claimed: recipient ? await claimGifts(tx, { phone: cart.phone, userId: recipient.id, now }) : [] };
}

/**
 * Claims every gift waiting for `phone` for the person who just proved it: each one's months start now
 * (added to a running membership of its tier). Inside the caller's transaction.
 */
export async function claimGifts(tx: Db, p: { phone: string; userId: string; now: Date }): Promise<GiftRow[]> {
  const claimed = await claimGiftsForPhone(tx, p);
  for (const gift of claimed) {
    // What the giver paid for the gift is what was paid for its months (an upgrade subtracts it per month).
    const paidFen = parseFen((await getOrder(tx, { orderId: gift.orderId }))?.total ?? "0");
    await grantMonths(tx, { userId: p.userId, tier: gift.tier, months: gift.months, paidFen, now: p.now, orderId: gift.orderId });
    // The recipient's notice, in their inbox (once per gift).
    await notify(tx, {
      userId: p.userId,
      messageKey: "Membership.inbox.giftReceived",
      params: {
        months: gift.months,
        size: findTier(membershipCatalog, gift.tier)?.meetingSize ?? 100,
        phone: `${gift.phone.slice(0, 3)}****${gift.phone.slice(7)}`,
      },
      href: "/membership",
      dedupeKey: `membership.gift-received:${gift.id}`,
      now: p.now,
    });
  }
  return claimed;
}
