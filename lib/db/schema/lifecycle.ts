import { index, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { orders } from "./orders";
import { organisations } from "./organisations";
import { serviceItems } from "./services";

/** Money columns: exact decimals, two places. */
const money = (name: string) => numeric(name, { precision: 14, scale: 2 });

/**
 * What a change order did to a service item it changed in place (PRODUCT.md §6): a renewal moved its expiry
 * (`extend`), a raise changed its spec (`raise`, keeping its expiry). Items a change order creates carry that
 * order as their `source_order_id` instead. A refund of the change order finds here what to undo.
 */
export const serviceItemChanges = pgTable(
  "service_item_changes",
  {
    id: text("id").primaryKey(),
    serviceItemId: text("service_item_id")
      .notNull()
      .references(() => serviceItems.id, { onDelete: "cascade" }),
    orderId: text("order_id")
      .notNull()
      .references(() => orders.id),
    kind: text("kind").$type<"extend" | "raise">().notNull(),
    fromExpiresAt: timestamp("from_expires_at", { withTimezone: true }).notNull(),
    toExpiresAt: timestamp("to_expires_at", { withTimezone: true }).notNull(),
    fromSku: text("from_sku").notNull(),
    toSku: text("to_sku").notNull(),
    fromCapacity: integer("from_capacity"),
    toCapacity: integer("to_capacity"),
    /** What the order charged for this change (the order line's amount). */
    amount: money("amount").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("service_item_changes_order").on(t.orderId), index("service_item_changes_item").on(t.serviceItemId)],
);

export const SCHEDULED_RENEWAL_STATUSES = ["pending", "applied", "cancelled"] as const;
export type ScheduledRenewalStatus = (typeof SCHEDULED_RENEWAL_STATUSES)[number];

/**
 * A paid scheduled renewal (order kind `scheduled_renewal`) waiting for the seats to end. The
 * services.apply-scheduled job claims it with a conditional update pending → applied (exactly once across
 * servers) and creates its items from the order's stored plan; cancelling it moves pending → cancelled and
 * refunds its payment.
 */
export const scheduledRenewals = pgTable(
  "scheduled_renewals",
  {
    orderId: text("order_id")
      .primaryKey()
      .references(() => orders.id),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    status: text("status").$type<ScheduledRenewalStatus>().notNull().default("pending"),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    refundRef: text("refund_ref"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("scheduled_renewals_due").on(t.status, t.effectiveAt), index("scheduled_renewals_organisation").on(t.organisationId)],
);

export type ServiceItemChangeRow = typeof serviceItemChanges.$inferSelect;
export type ScheduledRenewalRow = typeof scheduledRenewals.$inferSelect;
