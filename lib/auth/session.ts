import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuth } from "./auth";
import { withNext, signInPath } from "./next-path";
import type { Role } from "./roles";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** The signed-in user of this request, or null; one session lookup per request however often it is called. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // headers() first: it opts the page out of prerendering before the database is touched.
  const requestHeaders = await headers();
  const auth = await getAuth();
  const result = await auth.api.getSession({ headers: requestHeaders });
  if (!result) return null;
  const { id, email, name, role } = result.user;
  return { id, email, name, role };
});

/** The signed-in user; anyone else is sent to sign in and brought back to `returnTo` (a same-site path). */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}

/**
 * The signed-in user holding `role` (or one of `role`). Signed-out visitors go to sign in; a
 * signed-in user without the role goes to /forbidden, which offers to sign in with another account.
 */
export async function requireRole(role: Role | readonly Role[], returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  const allowed: readonly Role[] = typeof role === "string" ? [role] : role;
  if (!allowed.includes(user.role)) redirect(withNext("/forbidden", returnTo));
  return user;
}
