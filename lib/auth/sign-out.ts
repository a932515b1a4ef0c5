"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "./auth";
import { safeNextPath } from "./next-path";

/**
 * Ends the session (nextCookies clears the cookie), so the page re-renders signed out; with a
 * `next` field, goes there instead. A form action, so it works before JavaScript loads.
 */
export async function signOut(formData: FormData): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
  const next = formData.get("next");
  if (typeof next === "string") redirect(safeNextPath(next));
}
