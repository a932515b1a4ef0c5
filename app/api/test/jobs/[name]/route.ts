import { z } from "zod";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { recurringJobNamed } from "@/lib/jobs/recurring";
import { getPaymentProvider } from "@/lib/payments/registry";

const Only = z.object({ userId: z.string().min(1).optional(), organisationId: z.string().min(1).optional() }).strict();

/**
 * Runs one pass of a recurring job now, at the request's clock (the x-quorum-test-now header), limited to the
 * user or organisation in the JSON body ({ only: { userId } }), and answers with its result. Only a server
 * started with QUORUM_TEST_CLOCK=1 (the end-to-end suite) has it: a test moves time past an expiry and sees the
 * job act on its own data without waiting for the schedule. Everywhere else: 404.
 */
export async function POST(request: Request, context: { params: Promise<{ name: string }> }): Promise<Response> {
  if (process.env.QUORUM_TEST_CLOCK !== "1") return new Response(null, { status: 404 });
  const job = recurringJobNamed((await context.params).name);
  if (!job) return Response.json({ error: "unknown job" }, { status: 404 });
  const body = z.object({ only: Only }).safeParse(await request.json().catch(() => null));
  if (!body.success || (!body.data.only.userId && !body.data.only.organisationId)) {
    return Response.json({ error: "say whose records the pass may touch: { only: { userId } or { organisationId } }" }, { status: 400 });
  }
  const result = await job.run({ db: await getDb(), provider: getPaymentProvider() }, { now: await requestNow(), only: body.data.only });
  return Response.json({ job: job.name, result: result ?? null });
}
