"use server";

import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/catalog";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { placeOrder, type PlaceOrderResult } from "@/lib/orders/place-order";

export type PlaceOrderActionResult =
  Exclude<PlaceOrderResult, { ok: true }> | { ok: false; error: "UNAUTHENTICATED" } | { ok: true; orderUrl: string };

/** Review → order. Every amount is recomputed on the server; only the cart and the buyer's details are taken. */
export async function placeOrderAction(input: unknown): Promise<PlaceOrderActionResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "UNAUTHENTICATED" };
  const locale = (await getLocale()) as Locale;
  const result = await placeOrder(await getDb(), input, { userId: user.id, locale, now: await requestNow() });
  if (!result.ok) return result;
  // No redirect here: the browser must first retire this checkout's idempotency key, then navigate.
  return { ok: true, orderUrl: `/orders/${result.orderId}` };
}
