// Storing a placed order: its number, its fingerprint, and the one transaction that stores it
// with its lines and consents, redeems its voucher and converts its quote (or stores nothing).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Consent } from "@/lib/agreements";
import type { Db } from "@/lib/db/client";
import {
  findOrderByIdempotencyKey,
  insertOrderConsents,
  insertOrderEvent,
  insertOrderLines,
  insertOrderOnce,
} from "@/lib/db/queries/orders";
import { createVerification } from "@/lib/db/queries/verifications";
import { redeemVoucher } from "@/lib/db/queries/vouchers";
import { isZero } from "@/lib/money";
import type { OrderRow } from "@/lib/db/schema";
import type { PriceResult } from "@/lib/pricing/types";
import { convertQuote } from "@/lib/quotes/lifecycle";
import { fulfilZeroTotal } from "./fulfil";
import type { Checkout } from "@/lib/validations/checkout";

const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

/** A readable order number: Q + the date in China + 6 unambiguous characters. */
export function orderNumber(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll("-", "");
  const tail = Array.from(randomBytes(6), (b) => ALPHABET[b % ALPHABET.length]).join("");
  return `Q${day}-${tail}`;
}

/**
 * Whom the order is for: an organisation the buyer already has (upgraded in place; it keeps its
 * `name`, which the order records instead of the name typed on the form), or a new one, which
 * fulfilment creates once the order is paid.
 */
export type OrderTarget = { method: "in-place"; organisationId: string; name: string } | { method: "new" };

export interface NewOrder {
  userId: string;
  target: OrderTarget;
  checkout: Checkout;
  priced: PriceResult;
  consents: Consent[];
  locale: string;
  now: Date;
  /** For an edition sold after verification: the institution and proof to review, stored pending with the order. */
  verification?: { institutionName: string; institutionType: string; proofUploadId: string };
  /** The voucher already applied to `priced`; a single-use one is redeemed by this order or the order is not stored. */
  voucher?: { code: string; singleUse: boolean };
  /** The quote version whose terms priced this order; it is converted by this order or the order is not stored. */
  quote?: { id: string; version: number };
}

/** The fingerprint of a submission: a repeat under the same idempotency key must match it. */
export function requestHashOf(checkout: Checkout, quote?: { id: string; version: number }): string {
  const parts = [
    checkout.cart,
    checkout.consents,
    checkout.organisation,
    checkout.invoice,
    checkout.education ?? null,
    checkout.upgrade ?? null,
    ...(checkout.voucher ? [checkout.voucher] : []),
    ...(quote ? [quote] : []),
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

export type CreateOrderResult =
  { order: OrderRow; created: boolean } | { conflict: true } | { voucherUsed: true } | { quoteUnavailable: true };

/** Thrown inside the transaction to roll the whole order back when its voucher was redeemed meanwhile. */
class VoucherAlreadyRedeemed extends Error {}
/** Thrown inside the transaction when the quote was converted, revoked or revised meanwhile. */
class QuoteNoLongerOpen extends Error {}

/**
 * Stores a priced order with its lines, consents and first status event in one transaction.
 * The same user and idempotency key always yield the same order; a key reused for a different
 * submission is a conflict, never a second order.
 */
export async function createOrder(db: Db, params: NewOrder): Promise<CreateOrderResult> {
  const { userId, checkout, priced, consents, locale, now, target } = params;
  const requestHash = requestHashOf(checkout, params.quote);
  const organisationId = target.method === "in-place" ? target.organisationId : randomUUID();
  const store = db.transaction(async (tx) => {
    const inserted = await insertOrderOnce(tx, {
      id: randomUUID(),
      number: orderNumber(now),
      userId,
      idempotencyKey: checkout.idempotencyKey,
      requestHash,
      edition: checkout.cart.edition,
      seats: checkout.cart.seats ?? null,
      organisationId,
      upgradeMethod: target.method,
      cart: checkout.cart,
      catalogVersion: priced.catalogVersion,
      total: priced.total,
      organisation: {
        ...checkout.organisation,
        ...(target.method === "in-place" ? { organisationName: target.name } : {}),
        ...(checkout.education ? { education: checkout.education } : {}),
      },
      invoice: checkout.invoice,
      locale,
      quoteId: params.quote?.id ?? null,
      quoteVersion: params.quote?.version ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (!inserted) {
      const existing = await findOrderByIdempotencyKey(tx, { userId, idempotencyKey: checkout.idempotencyKey });
      if (!existing || existing.requestHash !== requestHash) return { conflict: true as const };
      return { order: existing, created: false };
    }
    // Conditional update: of concurrent checkouts with one single-use voucher, exactly one gets its row.
    if (params.voucher?.singleUse && !(await redeemVoucher(tx, { code: params.voucher.code, orderId: inserted.id, now })))
      throw new VoucherAlreadyRedeemed();
    if (params.quote && !(await convertQuote(tx, { quoteId: params.quote.id, version: params.quote.version, now })))
      throw new QuoteNoLongerOpen();
    // A new organisation is only an id until the order is paid: fulfilment creates it (fulfil.ts).
    await insertOrderLines(tx, [
      ...priced.lines.map((l, position) => ({
        orderId: inserted.id,
        position,
        kind: l.kind,
        sku: l.sku,
        name: l.name,
        quantity: l.quantity,
        termUnit: l.term?.unit ?? null,
        termCount: l.term?.count ?? null,
        unitPrice: l.unitPrice,
        amount: l.amount,
        formula: l.formula,
      })),
      // Adjustments (vouchers) follow the priced lines; never refundable, never provisioned.
      ...priced.adjustments.map((a, i) => ({
        orderId: inserted.id,
        position: priced.lines.length + i,
        kind: "adjustment" as const,
        sku: `${a.kind}:${a.code}`,
        name: a.label,
        quantity: 1,
        termUnit: null,
        termCount: null,
        unitPrice: a.amount,
        amount: a.amount,
        formula: a.formula,
      })),
    ]);
    await insertOrderConsents(
      tx,
      consents.map((c) => ({ orderId: inserted.id, agreementId: c.agreementId, version: c.version, userId, acceptedAt: now })),
    );
    await insertOrderEvent(tx, { orderId: inserted.id, from: null, to: "pending_payment", cause: "checkout", now });
    if (params.verification) await createVerification(tx, { ...params.verification, orderId: inserted.id, userId, now });
    // --- zero-total branch (issue 10 item 17) ---------------------------------------------------
    // Nothing to pay (a voucher covering everything): fulfilled here, in the placing transaction,
    // without the provider. An education order waits for its approval (approve-verification fulfils it).
    if (isZero(priced.total) && (await fulfilZeroTotal(tx, { orderId: inserted.id, now })))
      return { order: { ...inserted, status: "fulfilled" as const }, created: true };
    // --- end of the zero-total branch -----------------------------------------------------------
    return { order: inserted, created: true };
  });
  try {
    return await store;
  } catch (error) {
    if (error instanceof VoucherAlreadyRedeemed) return { voucherUsed: true };
    if (error instanceof QuoteNoLongerOpen) return { quoteUnavailable: true };
    throw error;
  }
}
