import { NextResponse, type NextRequest } from "next/server";
import { isCleanRequestTarget } from "@/lib/http/request-target";
import { messagesFor } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

/**
 * Runs before routing. A path or query that is not valid UTF-8 or holds NUL (`/q/%FF`,
 * `?next=%00`) is a 400 here: left to Next.js, decoding it into route params answers 500.
 */
export function proxy(request: NextRequest): Response {
  const url = new URL(request.url);
  if (isCleanRequestTarget(url.pathname + url.search)) return NextResponse.next();
  const message = messagesFor(requestLocale(request)).Inputs.badRequestTarget;
  if (url.pathname.startsWith("/api/"))
    return Response.json({ errors: [{ code: "BAD_REQUEST_TARGET", path: "", message }] }, { status: 400 });
  return new Response(message, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/**
 * Requests without a body only. With a proxy in front of a route, Next.js tees the body and waits
 * for all of it to arrive before the route runs (buffering up to 10 MB): that would undo the
 * streamed limits of lib/http/read-body.ts (a 50 MB upload read whole before its 413).
 */
export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image).*)",
      missing: [
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
