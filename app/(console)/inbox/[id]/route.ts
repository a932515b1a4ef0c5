import { getCurrentUser } from "@/lib/auth/session";
import { signInPath } from "@/lib/auth/next-path";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { openNotification } from "@/lib/notifications";

/** A relative redirect: the browser stays on the host it asked (its session cookie is for that host). */
const seeOther = (path: string) => new Response(null, { status: 303, headers: { Location: path } });

/**
 * Opening a notice from /inbox: marks it read and goes where it leads (its href, or back to the inbox).
 * Another user's notice, or none, is the inbox again; a signed-out visitor signs in first. The links are
 * plain anchors (never prefetched), so only a click reads a notice.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) return seeOther(signInPath("/inbox"));
  const opened = /^[0-9a-f-]{36}$/.test(id)
    ? await openNotification(await getDb(), { userId: user.id, id, now: await requestNow() })
    : undefined;
  return seeOther(opened?.href ?? "/inbox");
}
