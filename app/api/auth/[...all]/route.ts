import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";
import { withSecureCookies } from "@/lib/auth/secure-cookies";

// Every better-auth endpoint (/api/auth/sign-in/email, /sign-up/email, /sign-out, /get-session…).
// Over https the session cookie is Secure even without an https:// BETTER_AUTH_URL.
export const { GET, POST } = toNextJsHandler(async (request) => withSecureCookies(request, await (await getAuth()).handler(request)));
