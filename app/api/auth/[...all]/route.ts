import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/auth/auth";

// Every better-auth endpoint (/api/auth/sign-in/email, /sign-up/email, /sign-out, /get-session…).
export const { GET, POST } = toNextJsHandler(async (request) => (await getAuth()).handler(request));
