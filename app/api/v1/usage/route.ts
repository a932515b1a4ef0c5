import { z } from "zod";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { fenToAmount } from "@/lib/money";
import { readPhoneRequest, shapeErrors } from "@/lib/phone/api";
import { ingestUsage } from "@/lib/phone/ingest";
import { afterUsage } from "@/lib/phone/after-usage";
import { MAX_USAGE_BATCH } from "@/lib/phone/usage";

const bodySchema = z.object({ records: z.array(z.unknown()).min(1).max(MAX_USAGE_BATCH) });

/**
 * Call records from the meeting service (PRODUCT.md §8), with an organisation key scoped
 * usage:write: up to 1,000 per batch, idempotent by call id, each rated once; malformed ones are
 * refused one by one (`errors`, with their index) while the rest are stored.
 */
export async function POST(request: Request): Promise<Response> {
  const read = await readPhoneRequest(request, "usage:write");
  if (!read.ok) return read.response;
  const parsed = bodySchema.safeParse(read.body);
  if (!parsed.success) return shapeErrors(parsed.error);
  const db = await getDb();
  const now = await requestNow();
  const outcome = await ingestUsage(db, { organisationId: read.organisationId, records: parsed.data.records, now });
  if (!outcome) return Response.json({ errors: [{ code: "NOT_FOUND", path: "", message: "No such organisation." }] }, { status: 404 });
  await afterUsage(db, { organisationId: read.organisationId, before: outcome.balanceBeforeFen, after: outcome.balanceAfterFen, now });
  const count = (s: string) => outcome.results.filter((r) => r.status === s).length;
  return Response.json({
    charged: count("charged"),
    refused: count("refused"),
    replayed: count("replayed"),
    invalid: outcome.errors.length,
    balance: fenToAmount(outcome.balanceAfterFen),
    results: outcome.results,
    errors: outcome.errors,
  });
}
