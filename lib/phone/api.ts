import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { BODY_LIMITS, readTextLimited } from "@/lib/http/read-body";
import type { ApiKeyScope } from "./api-keys";
import { authenticateApiKey } from "./keys-store";

/**
 * What both phone API routes do first: the organisation key with the route's scope
 * (401 without a live key, 403 without the scope), then a JSON body of at most 1 MB (413, 400).
 */
export async function readPhoneRequest(
  request: Request,
  scope: ApiKeyScope,
): Promise<{ ok: true; organisationId: string; body: unknown } | { ok: false; response: Response }> {
  const db = await getDb();
  const key = await authenticateApiKey(db, request.headers.get("authorization"), scope);
  if (!key.ok)
    return {
      ok: false,
      response: Response.json(
        {
          errors: [
            {
              code: key.error,
              path: "",
              message:
                key.error === "FORBIDDEN" ? `This key lacks the ${scope} scope.` : "A live API key is required (Authorization: Bearer …).",
            },
          ],
        },
        {
          status: key.error === "FORBIDDEN" ? 403 : 401,
          headers: key.error === "UNAUTHENTICATED" ? { "www-authenticate": "Bearer" } : undefined,
        },
      ),
    };
  const read = await readTextLimited(request, BODY_LIMITS.priceApi);
  if (!read.ok)
    return {
      ok: false,
      response: Response.json({ errors: [{ code: "PAYLOAD_TOO_LARGE", path: "", message: "At most 1 MB." }] }, { status: 413 }),
    };
  try {
    if (read.text === undefined) throw new SyntaxError("not UTF-8");
    return { ok: true, organisationId: key.organisationId, body: JSON.parse(read.text) };
  } catch {
    return {
      ok: false,
      response: Response.json({ errors: [{ code: "INVALID_JSON", path: "", message: "The body is not JSON." }] }, { status: 400 }),
    };
  }
}

/** A refusal of the body's shape, with each problem's path. */
export function shapeErrors(error: z.ZodError): Response {
  const errors = error.issues.map((issue) => ({ code: "INVALID_SHAPE", path: issue.path.join("."), message: issue.message }));
  return Response.json({ errors }, { status: 400 });
}
