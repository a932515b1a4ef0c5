// Ordering a change: recompute it on the server from the stored items and the request clock, then store it as
// an order of its own kind through the same order tables, paid and fulfilled by the existing payment path.
import { createHash, randomUUID } from "node:crypto";
import { catalog, type Locale } from "@/lib/catalog";
import type { Db } from "@/lib/db/client";
import { listUnpaidChangeOrders } from "@/lib/db/queries/lifecycle";
import { findOrderByIdempotencyKey, getOrder, insertOrderEvent, insertOrderLines, insertOrderOnce } from "@/lib/db/queries/orders";
import { listOrganisations } from "@/lib/db/queries/organisations";
import { isZero } from "@/lib/money";
import { orderNumber } from "@/lib/orders/create-order";
import { fulfilZeroTotal } from "@/lib/orders/fulfil";
import { expireIfStale } from "@/lib/orders/state";
import { changeOrderSchema } from "@/lib/validations/change";
import { loadHeldState, seatsOrderId } from "./held";
import { quoteMessages } from "./messages";
import { quoteChange } from "./quote";
import type { ChangeQuote, ChangeRequest } from "./types";

/** What a change order stores as its `cart`: the request and the quote it was charged by (fulfilment applies the quote's effects). */
export interface StoredChange {
  change: ChangeRequest;
  quote: ChangeQuote;
}

export type PlaceChangeResult =
  | { ok: true; orderId: string; created: boolean }
  | { ok: false; error: "INVALID_SHAPE"; fieldErrors: Record<string, string[]> }
  | { ok: false; error: "ORGANISATION_NOT_FOUND" }
  | { ok: false; error: "CHANGE_REFUSED"; messages: string[] }
  | { ok: false; error: "CHANGE_UNPAID"; orderId: string }
  | { ok: false; error: "PRICE_CHANGED"; total: string }
  | { ok: false; error: "IDEMPOTENCY_CONFLICT" };

/** Whether `value` is a change order's stored cart. */
export function isStoredChange(value: unknown): value is StoredChange {
  return typeof value === "object" && value !== null && "change" in value && "quote" in value;
}

/**
 * Places a change order for an organisation the user owns. The price is the quote of the stored items at
 * `now` — the same function as the browser's preview — and must equal the total the buyer saw. One order per
 * idempotency key; refused while another change of the organisation awaits payment (pay or cancel it first)
 * or a scheduled renewal is pending (the quote says so).
 */
export async function placeChangeOrder(
  db: Db,
  input: unknown,
  ctx: { userId: string; locale: Locale; now: Date },
): Promise<PlaceChangeResult> {
  const parsed = changeOrderSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    return { ok: false, error: "INVALID_SHAPE", fieldErrors };
  }
  const { idempotencyKey, organisationId, change, expectedTotal } = parsed.data;
  const requestHash = createHash("sha256")
    .update(JSON.stringify([organisationId, change]))
    .digest("hex");
  const existing = await findOrderByIdempotencyKey(db, { userId: ctx.userId, idempotencyKey });
  if (existing) {
    if (existing.requestHash !== requestHash) return { ok: false, error: "IDEMPOTENCY_CONFLICT" };
    return { ok: true, orderId: existing.id, created: false };
  }
  const org = (await listOrganisations(db, { userId: ctx.userId })).find((o) => o.id === organisationId);
  if (!org) return { ok: false, error: "ORGANISATION_NOT_FOUND" };
  // An unpaid change past its payment window no longer blocks: it expires here rather than at the next sweep.
  for (const unpaid of await listUnpaidChangeOrders(db, { organisationId })) {
    if (!(await expireIfStale(db, { orderId: unpaid.id, now: ctx.now }))) return { ok: false, error: "CHANGE_UNPAID", orderId: unpaid.id };
  }

  const { state, rows } = await loadHeldState(db, org);
  const quote = quoteChange(state, change as ChangeRequest, { now: ctx.now, catalog, messages: quoteMessages() });
  if (!quote.ok) return { ok: false, error: "CHANGE_REFUSED", messages: quote.errors.map((e) => e.message[ctx.locale]) };
  if (quote.total !== expectedTotal) return { ok: false, error: "PRICE_CHANGED", total: quote.total };

  const parentId = seatsOrderId(rows, ctx.now);
  const parent = parentId ? await getOrder(db, { orderId: parentId }) : undefined;
  const parentOrg = (parent?.organisation ?? {}) as Record<string, unknown>;
  const stored: StoredChange = { change: change as ChangeRequest, quote };
  const orderId = await db.transaction(async (tx) => {
    const inserted = await insertOrderOnce(tx, {
      id: randomUUID(),
      number: orderNumber(ctx.now),
      userId: ctx.userId,
      idempotencyKey,
      requestHash,
      kind: change.kind,
      parentOrderId: parentId,
      edition: org.edition,
      seats: org.seats,
      cart: stored,
      catalogVersion: catalog.version,
      total: quote.total,
      organisationId,
      upgradeMethod: "in-place",
      organisation: { ...parentOrg, organisationName: org.name },
      invoice: { type: "none" },
      locale: ctx.locale,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    if (!inserted) return (await findOrderByIdempotencyKey(tx, { userId: ctx.userId, idempotencyKey }))!.id;
    await insertOrderLines(
      tx,
      quote.lines.map((l, position) => ({
        orderId: inserted.id,
        position,
        kind: l.sku === org.edition ? ("seats" as const) : ("addon" as const),
        sku: l.sku,
        name: l.name[ctx.locale],
        quantity: l.quantity,
        termUnit: null,
        termCount: null,
        unitPrice: l.unitPrice,
        amount: l.amount,
        formula: l.formula[ctx.locale],
      })),
    );
    await insertOrderEvent(tx, { orderId: inserted.id, from: null, to: "pending_payment", cause: `change:${change.kind}`, now: ctx.now });
    // A change that costs nothing (a raise between equal prices) is fulfilled at once, without the provider.
    if (isZero(quote.total)) await fulfilZeroTotal(tx, { orderId: inserted.id, now: ctx.now });
    return inserted.id;
  });
  return { ok: true, orderId, created: true };
}
