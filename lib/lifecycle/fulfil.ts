// Fulfilment of a change order (kinds add, raise, renew, scheduled_renewal), inside the transaction that pays it
// (lib/orders/fulfil.ts provision): applies the effects of the quote the order was charged by, and records what
// each did so a refund can find it — items it creates carry it as source_order_id, items it changes in place get a
// service_item_changes row.
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import {
  CHANGE_KINDS,
  extendServiceItem,
  insertScheduledRenewal,
  insertServiceItemChanges,
  lockServiceItems,
  raiseServiceItem,
} from "@/lib/db/queries/lifecycle";
import { setOrganisationPlan } from "@/lib/db/queries/organisations";
import { appendPhoneCredit, insertServiceItems, type NewPhoneCreditEntry, type NewServiceItem } from "@/lib/db/queries/services";
import type { OrderKind, OrderRow } from "@/lib/db/schema";
import type { StoredChange } from "./place";

export function isChangeKind(kind: OrderKind): kind is (typeof CHANGE_KINDS)[number] {
  return (CHANGE_KINDS as readonly OrderKind[]).includes(kind);
}

export async function provisionChange(tx: Db, order: OrderRow & { organisationId: string }, now: Date): Promise<void> {
  const { quote } = order.cart as StoredChange;
  const organisationId = order.organisationId;
  const held = await lockServiceItems(tx, { organisationId });
  const items: NewServiceItem[] = [];
  const credits: NewPhoneCreditEntry[] = [];
  const changes: Parameters<typeof insertServiceItemChanges>[1] = [];
  for (const line of quote.lines) {
    const e = line.effect;
    if (e.type === "create") {
      items.push({
        id: randomUUID(),
        organisationId,
        sku: e.sku,
        kind: e.kind,
        capacity: e.capacity,
        quantity: e.quantity,
        startsAt: new Date(e.startsAt),
        expiresAt: new Date(e.expiresAt),
        unitPrice: e.unitPrice,
        paidAmount: line.amount,
        discount: e.discount,
        sourceOrderId: order.id,
        createdAt: now,
      });
    } else if (e.type === "extend") {
      const item = held.find((h) => h.id === e.itemId);
      if (!item) throw new Error(`order ${order.id}: item ${e.itemId} is gone`);
      await extendServiceItem(tx, { id: item.id, expiresAt: new Date(e.toExpiresAt), paid: line.amount });
      changes.push({
        id: randomUUID(),
        serviceItemId: item.id,
        orderId: order.id,
        kind: "extend",
        fromExpiresAt: item.expiresAt,
        toExpiresAt: new Date(e.toExpiresAt),
        fromSku: item.sku,
        toSku: item.sku,
        fromCapacity: item.capacity,
        toCapacity: item.capacity,
        amount: line.amount,
        createdAt: now,
      });
    } else if (e.type === "raise") {
      const item = held.find((h) => h.id === e.itemId);
      if (!item) throw new Error(`order ${order.id}: item ${e.itemId} is gone`);
      await raiseServiceItem(tx, { id: item.id, sku: e.toSku, capacity: e.toCapacity, unitPrice: e.unitPrice, paid: line.amount });
      changes.push({
        id: randomUUID(),
        serviceItemId: item.id,
        orderId: order.id,
        kind: "raise",
        fromExpiresAt: item.expiresAt,
        toExpiresAt: item.expiresAt,
        fromSku: item.sku,
        toSku: e.toSku,
        fromCapacity: item.capacity,
        toCapacity: e.toCapacity,
        amount: line.amount,
        createdAt: now,
      });
    } else if (e.type === "credit") {
      // Phone credit bought with any change (a scheduled renewal too) is available at once.
      credits.push({
        id: randomUUID(),
        organisationId,
        kind: "topup",
        amount: line.amount,
        paidAmount: line.amount,
        sourceOrderId: order.id,
        note: `${e.quantity} × ${e.sku}`,
        createdAt: now,
      });
    }
  }
  await insertServiceItems(tx, items);
  await insertServiceItemChanges(tx, changes);
  await appendPhoneCredit(tx, credits);
  const addedSeats = items.filter((i) => i.kind === "seats").reduce((n, i) => n + i.quantity, 0);
  if (addedSeats) {
    const seats = held.filter((h) => h.kind === "seats" && h.expiresAt > now).reduce((n, h) => n + h.quantity, 0) + addedSeats;
    await setOrganisationPlan(tx, { organisationId, edition: order.edition, seats });
  }
  if (order.kind === "scheduled_renewal" && quote.effectiveAt)
    await insertScheduledRenewal(tx, { orderId: order.id, organisationId, effectiveAt: new Date(quote.effectiveAt), createdAt: now });
}
