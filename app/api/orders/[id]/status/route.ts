import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { requestNow } from "@/lib/clock";
import { followOrder } from "@/lib/orders/follow";

/** The order's status for its owner, polled by the order page while a payment is under way. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const found = await followOrder(await getDb(), { orderId: (await params).id, userId: user.id, now: await requestNow() });
  if (!found) return Response.json({ error: "NOT_FOUND" }, { status: 404 });
  return Response.json({ status: found.order.status }, { headers: { "cache-control": "no-store" } });
}
