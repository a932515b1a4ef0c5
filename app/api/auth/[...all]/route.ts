import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { withSecureCookies } from "@/lib/auth/secure-cookies";
import { withAuthLimits } from "@/lib/limits/auth";

// Every better-auth endpoint (/api/auth/sign-in/email, /sign-up/email, /sign-out, /get-session…).
// Over https the session cookie is Secure even without an https:// BETTER_AUTH_URL. Sign-in, sign-up
// and every other POST count against the store's limits first (lib/limits/auth.ts).
export const { GET, POST } = toNextJsHandler(async (request) =>
  withAuthLimits(request, async (r) => withSecureCookies(r, await (await getAuth()).handler(r))),
);
