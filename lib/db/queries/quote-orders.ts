import { desc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { orders, type OrderStatus } from "../schema";

/** An order placed from a quote, as the staff quote page lists it. */
export interface QuoteOrder {
  id: string;
  number: string;
  status: OrderStatus;
  total: string;
  createdAt: Date;
}

/** The orders placed from a quote (one, or more when an earlier one lapsed unpaid), newest first. */
export async function listOrdersForQuote(db: Db, params: { quoteId: string }): Promise<QuoteOrder[]> {
  return db
    .select({ id: orders.id, number: orders.number, status: orders.status, total: orders.total, createdAt: orders.createdAt })
    .from(orders)
    .where(eq(orders.quoteId, params.quoteId))
    .orderBy(desc(orders.createdAt), desc(orders.number));
}
