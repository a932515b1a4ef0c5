import { z } from "zod";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { readPhoneRequest, shapeErrors } from "@/lib/phone/api";
import { authorizeForOrganisation } from "@/lib/phone/ingest";
import { CALL_KINDS } from "@/lib/phone/rating";

const bodySchema = z.strictObject({
  kind: z.enum(CALL_KINDS),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .optional(),
  member: z.string().min(1).max(128).optional(),
});

/**
 * May this call be placed? With a key scoped calls:authorize (the organisation is the key's).
 * 200 either way: `{ allow: true, rate, maxMinutes, … }` or `{ allow: false, reason }` with a
 * stable reason code (POLICY_DENIED, EDITION_DENIED, NOT_GRANTED, INSUFFICIENT_CREDIT, UNKNOWN_DESTINATION).
 */
export async function POST(request: Request): Promise<Response> {
  const read = await readPhoneRequest(request, "calls:authorize");
  if (!read.ok) return read.response;
  const parsed = bodySchema.safeParse(read.body);
  if (!parsed.success) return shapeErrors(parsed.error);
  const decision = await authorizeForOrganisation(await getDb(), {
    organisationId: read.organisationId,
    ...parsed.data,
    now: await requestNow(),
  });
  if (!decision) return Response.json({ errors: [{ code: "NOT_FOUND", path: "", message: "No such organisation." }] }, { status: 404 });
  return Response.json(decision);
}
