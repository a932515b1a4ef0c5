import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { listAgreementsForUser } from "@/lib/db/queries/agreements";
import { setSandboxForcedFailures } from "@/lib/db/queries/sandbox-agreements";
import { AGREEMENT_PURPOSES } from "@/lib/db/schema";
import { SANDBOX_PROVIDER_ID } from "@/lib/payments/sandbox/provider";

const Body = z
  .object({
    only: z.object({ userId: z.string().min(1) }).strict(),
    purpose: z.enum(AGREEMENT_PURPOSES).optional(),
    count: z.number().int().min(0).max(100),
  })
  .strict();

/**
 * Tests only (a server started with QUORUM_TEST_CLOCK=1, as the end-to-end suite's is; 404 everywhere
 * else): the sandbox declines the next `count` charges of every active sandbox agreement of the user
 * (of `purpose`, if given), as the developer control on /pay/sandbox/agreements/<ref> does for one.
 * Answers the references it set.
 */
export async function POST(request: Request): Promise<Response> {
  if (process.env.QUORUM_TEST_CLOCK !== "1") return new Response(null, { status: 404 });
  const body = Body.safeParse(await request.json().catch(() => null));
  if (!body.success) return Response.json({ error: "expected { only: { userId }, purpose?, count }" }, { status: 400 });
  const db = await getDb();
  const agreements = await listAgreementsForUser(db, { userId: body.data.only.userId, purpose: body.data.purpose, status: "active" });
  const refs: string[] = [];
  for (const a of agreements.filter((x) => x.provider === SANDBOX_PROVIDER_ID))
    if (await setSandboxForcedFailures(db, { agreementRef: a.providerRef, count: body.data.count })) refs.push(a.providerRef);
  return Response.json({ agreementRefs: refs });
}
