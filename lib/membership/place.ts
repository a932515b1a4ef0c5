import { createHash, randomUUID } from "node:crypto";
import { agreementsFor, missingConsents, type Consent } from "@/lib/agreements";
import { findTier, membershipCatalog as catalog } from "@/lib/catalog/membership";
import type { Locale } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { listMemberships } from "@/lib/db/queries/memberships";
import {
  findOrderByIdempotencyKey,
  insertOrderConsents,
  insertOrderEvent,
  insertOrderLines,
  insertOrderOnce,
} from "@/lib/db/queries/orders";
import type { OrderKind } from "@/lib/db/schema";
import { translatorFor } from "@/lib/i18n/messages";
import { fenToAmount, formatFen, parseFen } from "@/lib/money";
import { orderNumber } from "@/lib/orders/create-order";
import type { MembershipCart } from "./cart";
import { giftPriceFen, isActive, isTerm, listPriceFen, normaliseMainlandMobile, quoteUpgrade, type MembershipState } from "./rules";

/** The agreements every membership order accepts (the membership agreement and the privacy policy). */
export const MEMBERSHIP_AGREEMENTS = () => agreementsFor("membership");

export type MembershipRequest =
  | { type: "open"; tier: string; months: number; autoRenew: boolean }
  | { type: "upgrade"; tier: string; months: number }
  | { type: "gift"; months: number; phone: string; message?: string };

export type PlaceMembershipResult =
  | { ok: true; orderId: string; created: boolean }
  | { ok: false; error: "UNKNOWN_TIER" | "BAD_TERM" | "BAD_PHONE" | "IDEMPOTENCY_CONFLICT" }
  | { ok: false; error: "CONSENT_MISSING"; missing: string[] }
  | { ok: false; error: "UPGRADE_REFUSED"; reason: string };

/** A person's memberships as the rules see them. */
export async function membershipStates(
  db: Db,
  userId: string,
): Promise<(MembershipState & { autoRenew: boolean; agreementId: string | null; agreementOrderId: string | null })[]> {
  return (await listMemberships(db, { userId })).map((r) => ({
    id: r.id,
    tier: r.tier,
    startsAt: r.startsAt,
    expiresAt: r.expiresAt,
    paidFen: parseFen(r.paidAmount),
    months: r.months,
    autoRenew: r.autoRenew,
    agreementId: r.agreementId,
    agreementOrderId: r.agreementOrderId,
  }));
}

/**
 * Places a membership order (open or buy again, upgrade, gift) priced on the server from the membership
 * price list and the person's memberships; stored once per idempotency key, awaiting payment, with the
 * accepted agreement versions. Paying it goes through the ordinary payment path; fulfilment applies it.
 */
export async function placeMembershipOrder(
  db: Db,
  request: MembershipRequest,
  ctx: { userId: string; locale: Locale; now: Date; idempotencyKey: string; consents: Consent[]; buyer?: { name: string; email: string } },
): Promise<PlaceMembershipResult> {
  const missing = missingConsents("membership", ctx.consents);
  if (missing.length) return { ok: false, error: "CONSENT_MISSING", missing: missing.map((a) => a.id) };
  const t = translatorFor(ctx.locale);
  const nameOf = (tierId: string) => findTier(catalog, tierId)!.name[ctx.locale];
  let kind: OrderKind;
  let cart: MembershipCart;
  let line: { sku: string; name: string; months: number; unitFen: number; amountFen: number; formula: string };

  if (request.type === "open") {
    const tier = findTier(catalog, request.tier);
    if (!tier) return { ok: false, error: "UNKNOWN_TIER" };
    if (!isTerm(catalog, request.months)) return { ok: false, error: "BAD_TERM" };
    const states = await membershipStates(db, ctx.userId);
    const running = states.some((m) => m.tier === tier.id && isActive(m, ctx.now));
    kind = running ? "membership_renewal" : "membership";
    cart = { type: "open", tier: tier.id, months: request.months, autoRenew: request.autoRenew };
    const unitFen = parseFen(tier.monthPrice);
    line = {
      sku: tier.id,
      name: nameOf(tier.id),
      months: request.months,
      unitFen,
      amountFen: listPriceFen(tier, request.months),
      formula: t("Membership.line.open", { price: formatFen(unitFen), months: request.months }),
    };
  } else if (request.type === "upgrade") {
    const states = await membershipStates(db, ctx.userId);
    const quote = quoteUpgrade(catalog, { memberships: states, to: request.tier, months: request.months, now: ctx.now });
    if (!quote.ok)
      return quote.reason === "UNKNOWN_TIER"
        ? { ok: false, error: "UNKNOWN_TIER" }
        : { ok: false, error: "UPGRADE_REFUSED", reason: quote.reason };
    kind = "membership_upgrade";
    cart = {
      type: "upgrade",
      tier: quote.to,
      months: quote.months,
      from: quote.from,
      fromMembershipId: quote.fromMembershipId,
      paidMonthFen: quote.paidMonthFen,
      pricePerMonthFen: quote.pricePerMonthFen,
    };
    line = {
      sku: quote.to,
      name: t("Membership.line.upgradeName", { from: nameOf(quote.from), to: nameOf(quote.to) }),
      months: quote.months,
      unitFen: quote.pricePerMonthFen,
      amountFen: quote.totalFen,
      formula: t("Membership.line.upgrade", {
        list: formatFen(quote.listMonthFen),
        paid: formatFen(quote.paidMonthFen),
        months: quote.months,
      }),
    };
  } else {
    const phone = normaliseMainlandMobile(request.phone);
    if (!phone) return { ok: false, error: "BAD_PHONE" };
    const price = giftPriceFen(catalog, request.months);
    if (price === undefined) return { ok: false, error: "BAD_TERM" };
    const tier = findTier(catalog, catalog.giftTier)!;
    const message = request.message?.trim() ? request.message.trim().slice(0, 200) : null;
    kind = "membership_gift";
    cart = { type: "gift", tier: tier.id, months: request.months, phone, message };
    line = {
      sku: tier.id,
      name: t("Membership.line.giftName", { tier: nameOf(tier.id), phone: `${phone.slice(0, 3)}****${phone.slice(7)}` }),
      months: request.months,
      unitFen: parseFen(tier.monthPrice),
      amountFen: price,
      formula: t("Membership.line.open", { price: formatFen(parseFen(tier.monthPrice)), months: request.months }),
    };
  }

  const requestHash = createHash("sha256")
    .update(JSON.stringify([cart.type, request, ctx.consents]))
    .digest("hex");
  return db.transaction(async (tx) => {
    const inserted = await insertOrderOnce(tx, {
      id: randomUUID(),
      number: orderNumber(ctx.now),
      userId: ctx.userId,
      idempotencyKey: ctx.idempotencyKey,
      requestHash,
      kind,
      edition: cart.tier,
      seats: null,
      organisationId: null,
      cart,
      catalogVersion: catalog.version,
      total: fenToAmount(line.amountFen),
      // No organisation: the buyer themselves, as receipts print the buyer.
      organisation: {
        organisationName: ctx.buyer?.name ?? "",
        contactName: ctx.buyer?.name ?? "",
        mobile: "",
        email: ctx.buyer?.email ?? "",
      },
      invoice: null,
      locale: ctx.locale,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!inserted) {
      const existing = await findOrderByIdempotencyKey(tx, { userId: ctx.userId, idempotencyKey: ctx.idempotencyKey });
      if (!existing || existing.requestHash !== requestHash) return { ok: false, error: "IDEMPOTENCY_CONFLICT" } as const;
      return { ok: true, orderId: existing.id, created: false } as const;
    }
    await insertOrderLines(tx, [
      {
        orderId: inserted.id,
        position: 0,
        kind: "seats",
        sku: line.sku,
        name: line.name,
        quantity: 1,
        termUnit: "month",
        termCount: line.months,
        unitPrice: fenToAmount(line.unitFen),
        amount: fenToAmount(line.amountFen),
        formula: line.formula,
      },
    ]);
    await insertOrderConsents(
      tx,
      ctx.consents.map((c) => ({
        orderId: inserted.id,
        agreementId: c.agreementId,
        version: c.version,
        userId: ctx.userId,
        acceptedAt: ctx.now,
      })),
    );
    await insertOrderEvent(tx, { orderId: inserted.id, from: null, to: "pending_payment", cause: "checkout", now: ctx.now });
    return { ok: true, orderId: inserted.id, created: true } as const;
  });
}

/** What a continuous-monthly payer authorises (shown on the provider's page): the tier, monthly, at its price. */
export function renewalAgreement(tierId: string, locale: Locale): { purpose: "membership"; description: string } | undefined {
  const tier = findTier(catalog, tierId);
  if (!tier) return undefined;
  return {
    purpose: "membership",
    description: translatorFor(locale)("Membership.line.agreement", {
      tier: tier.name[locale],
      price: formatFen(parseFen(tier.monthPrice)),
    }),
  };
}
