import { getDb } from "@/lib/db/client";
import { handlePaymentNotification } from "@/lib/payments/notify";
import { findPaymentProvider } from "@/lib/payments/registry";
import { BODY_LIMITS, readBodyLimited } from "@/lib/http/read-body";

/**
 * POST a provider's signed payment notification (PRODUCT.md §9). 400 `{ ok: false, error }` for
 * BAD_SIGNATURE, STALE or MALFORMED; 200 `{ ok: true, … }` once handled, and for a replay
 * (`duplicate: true`), so the gateway stops retrying; 500 lets it retry a failure on our side.
 */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const provider = findPaymentProvider((await params).provider);
  if (!provider) return Response.json({ ok: false, error: "UNKNOWN_PROVIDER" }, { status: 404 });
  const read = await readBodyLimited(request, BODY_LIMITS.paymentNotify);
  if (!read.ok) return Response.json({ ok: false, error: "TOO_LARGE" }, { status: 413 });
  const rawBody = new TextDecoder().decode(read.bytes);
  const result = await handlePaymentNotification(await getDb(), provider, { headers: request.headers, rawBody, now: new Date() });
  return Response.json(result.body, { status: result.status });
}
