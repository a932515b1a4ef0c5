// How an order's state reads to its buyer: one badge, and one history merging the order's status
// events with its payment attempts and its verification decision. Pure: the order page and the
// orders list both ask it.
import type { OrderStatus, RecordedPaymentStatus, VerificationStatus } from "@/lib/db/schema";
import { isZero } from "@/lib/money";

export const ORDER_BADGES = [
  "awaiting_payment",
  "under_review",
  "ready_to_pay",
  "rejected",
  "payment_failed",
  "payment_cancelled",
  "paid",
  "active",
  "cancelled",
  "expired",
  "refunded",
  "partially_refunded",
] as const;
export type OrderBadge = (typeof ORDER_BADGES)[number];

/** How each badge looks: its tone is what tells the states apart at a glance (with the text). */
export type BadgeTone = "waiting" | "ready" | "danger" | "success" | "neutral" | "muted";
export const BADGE_TONE: Record<OrderBadge, BadgeTone> = {
  awaiting_payment: "waiting",
  under_review: "waiting",
  ready_to_pay: "ready",
  rejected: "danger",
  payment_failed: "danger",
  payment_cancelled: "danger",
  paid: "success",
  active: "success",
  cancelled: "neutral",
  expired: "muted",
  refunded: "neutral",
  partially_refunded: "neutral",
};

interface BadgeInput {
  order: { status: OrderStatus };
  /** The order's latest payment attempt, if any. */
  lastPayment?: { status: RecordedPaymentStatus } | null;
  /** The order's verification (education orders), if any. */
  verification?: { status: VerificationStatus } | null;
}

/** The one badge an order shows: its status, refined while unpaid by its verification and its last payment attempt. */
export function orderBadge({ order, lastPayment, verification }: BadgeInput): OrderBadge {
  switch (order.status) {
    case "pending_payment":
      if (verification?.status === "pending") return "under_review";
      if (verification?.status === "rejected") return "rejected";
      if (lastPayment?.status === "failed") return "payment_failed";
      if (lastPayment?.status === "cancelled") return "payment_cancelled";
      return verification?.status === "approved" ? "ready_to_pay" : "awaiting_payment";
    case "fulfilled":
      return "active";
    default:
      return order.status;
  }
}

export type TimelineEntry =
  | { kind: "status"; at: Date; status: OrderStatus; cause: string }
  | { kind: "attempt"; at: Date; status: "failed" | "cancelled"; attempt: number }
  | { kind: "verification"; at: Date; status: "approved" | "rejected" };

/**
 * The order's history, oldest first: its status events, each payment attempt that failed or was
 * cancelled (numbered in the order they started; it leaves the order awaiting payment, so no status
 * event records it), and its verification's decision. Ties keep that order.
 */
export function orderTimeline(params: {
  events: readonly { at: Date; toStatus: OrderStatus; cause: string }[];
  payments: readonly { createdAt: Date; updatedAt: Date; status: RecordedPaymentStatus }[];
  verification?: { status: VerificationStatus; decidedAt: Date | null } | null;
}): TimelineEntry[] {
  const entries: TimelineEntry[] = params.events.map((e) => ({ kind: "status", at: e.at, status: e.toStatus, cause: e.cause }));
  [...params.payments]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .forEach((p, i) => {
      if (p.status === "failed" || p.status === "cancelled")
        entries.push({ kind: "attempt", at: p.updatedAt, status: p.status, attempt: i + 1 });
    });
  const v = params.verification;
  if (v && v.status !== "pending" && v.decidedAt) entries.push({ kind: "verification", at: v.decidedAt, status: v.status });
  // A stable sort: entries at the same instant keep the order above (events, attempts, decision).
  return entries
    .map((e, i) => [e, i] as const)
    .sort(([a, i], [b, j]) => a.at.getTime() - b.at.getTime() || i - j)
    .map(([e]) => e);
}

/** Whether an order was fulfilled without the provider because it had nothing to pay. */
export function fulfilledAtZero(order: { status: OrderStatus; total: string }): boolean {
  return (order.status === "fulfilled" || order.status === "paid") && isZero(order.total);
}
