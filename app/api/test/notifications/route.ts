import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { notify } from "@/lib/notifications";

const Body = z
  .object({
    messageKey: z.string().min(1).max(200),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    href: z.string().max(500).optional(),
    dedupeKey: z.string().min(1).max(200).optional(),
  })
  .strict();

/**
 * Tests only (a server started with QUORUM_TEST_CLOCK=1, as the end-to-end suite's is; 404 everywhere else):
 * puts a notice in the signed-in user's inbox through `notify`, at the request's clock, so the inbox's own
 * e2e (pagination, the phone layout) needs no other flow. Answers the notice, or { duplicate: true }.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.QUORUM_TEST_CLOCK !== "1") return new Response(null, { status: 404 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "UNAUTHENTICATED" }, { status: 401 });
  const body = Body.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: "expected { messageKey, params?, href?, dedupeKey? }" }, { status: 400 });
  try {
    const row = await notify(await getDb(), { userId: user.id, ...body.data, now: await requestNow() });
    return Response.json(row ? { id: row.id } : { duplicate: true });
  } catch (error) {
    return Response.json({ error: String(error) }, { status: 400 });
  }
}
