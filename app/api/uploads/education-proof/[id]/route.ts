import { getCurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getProofUpload } from "@/lib/db/queries/proof-uploads";
import { messagesFor } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { attachmentDisposition } from "@/lib/uploads/proof";

/**
 * Downloads a proof: for the account that uploaded it and for operators. Anyone else, signed in
 * or not, gets the same 404 as for an id that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const user = await getCurrentUser();
  const upload = user ? await getProofUpload(await getDb(), { id }) : undefined;
  if (!user || !upload || (upload.userId !== user.id && user.role !== "operator")) {
    const message = messagesFor(requestLocale(request)).Checkout.proofUpload.errors.NOT_FOUND;
    return Response.json(
      { errors: [{ code: "NOT_FOUND", path: "", message }] },
      { status: 404, headers: { "cache-control": "private, no-store" } },
    );
  }
  return new Response(new Uint8Array(upload.bytes), {
    headers: {
      "content-type": upload.contentType,
      "content-length": String(upload.size),
      "content-disposition": attachmentDisposition(upload.fileName),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
