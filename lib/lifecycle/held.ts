import type { Db } from "@/lib/db/client";
import { findPendingScheduledRenewal } from "@/lib/db/queries/lifecycle";
import { getServices } from "@/lib/db/queries/services";
import type { ServiceItemRow } from "@/lib/db/schema";
import type { HeldItem, HeldState } from "./types";

/** A stored service item as the quote reads it (dates as ISO strings). */
export function heldItemOf(row: ServiceItemRow): HeldItem {
  return {
    id: row.id,
    sku: row.sku,
    kind: row.kind,
    quantity: row.quantity,
    startsAt: row.startsAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    unitPrice: row.unitPrice,
    discount: row.discount,
  };
}

/** What an organisation holds, read from the database: the state every change is priced against. */
export async function loadHeldState(db: Db, org: { id: string; edition: string }): Promise<{ state: HeldState; rows: ServiceItemRow[] }> {
  const [rows, pending] = await Promise.all([
    getServices(db, { organisationId: org.id }),
    findPendingScheduledRenewal(db, { organisationId: org.id }),
  ]);
  const state: HeldState = {
    edition: org.edition,
    items: rows.map(heldItemOf),
    pendingScheduled: pending ? { orderId: pending.renewal.orderId, effectiveAt: pending.renewal.effectiveAt.toISOString() } : null,
  };
  return { state, rows };
}

/** The order that bought the seats in force at `now` (the latest-ending active seats item's source): a change order's parent. */
export function seatsOrderId(rows: Pick<ServiceItemRow, "kind" | "expiresAt" | "sourceOrderId">[], now: Date): string | null {
  const seats = rows.filter((r) => r.kind === "seats" && r.expiresAt > now).sort((a, b) => b.expiresAt.getTime() - a.expiresAt.getTime());
  return seats[0]?.sourceOrderId ?? null;
}
