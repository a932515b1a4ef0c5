import { createAuthClient } from "better-auth/react";

/** better-auth's browser client; it calls /api/auth on the page's own origin. */
export const authClient = createAuthClient();
