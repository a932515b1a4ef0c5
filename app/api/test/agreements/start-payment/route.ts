import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { AGREEMENT_PURPOSES } from "@/lib/db/schema";
import { getPaymentProvider } from "@/lib/payments/registry";
import { startOrderPayment } from "@/lib/payments/start";

const Body = z
  .object({
    orderId: z.uuid(),
    agreement: z.object({ purpose: z.enum(AGREEMENT_PURPOSES), description: z.string().min(1).max(200) }).strict(),
  })
  .strict();

/**
 * Tests only (QUORUM_TEST_CLOCK=1; 404 everywhere else): starts paying the signed-in buyer's own order
 * with a recurring-payment agreement, as the membership and auto-recharge flows do through
 * startOrderPayment, so the platform's agreement e2e runs before those flows exist. Answers the redirect.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.QUORUM_TEST_CLOCK !== "1") return new Response(null, { status: 404 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const body = Body.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: "expected { orderId, agreement: { purpose, description } }" }, { status: 400 });
  const result = await startOrderPayment(await getDb(), getPaymentProvider(), {
    orderId: body.data.orderId,
    userId: user.id,
    now: await requestNow(),
    agreement: body.data.agreement,
  });
  return Response.json(result, { status: result.ok ? 200 : 409 });
}
