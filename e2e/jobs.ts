import type { APIRequestContext } from "@playwright/test";
import { TEST_CLOCK_HEADER } from "@/lib/clock-header";

/** An ISO time `days` (and `minutes`) from now: what a test moves the server's clock to. */
export const later = ({ days = 0, minutes = 0 }: { days?: number; minutes?: number }) =>
  new Date(Date.now() + (days * 24 * 60 + minutes) * 60_000).toISOString();

/**
 * Runs one pass of a recurring job (lib/jobs/recurring.ts, by its queue name) at `now` on the e2e server
 * (QUORUM_TEST_CLOCK=1), limited to one user's or organisation's records, and returns its result: a test moves
 * time past an expiry and sees the job act on its own data only.
 */
export async function runJob(
  request: APIRequestContext,
  name: string,
  params: { now: string; only: { userId?: string; organisationId?: string } },
): Promise<unknown> {
  const response = await request.post(`/api/test/jobs/${name}`, {
    headers: { [TEST_CLOCK_HEADER]: params.now },
    data: { only: params.only },
  });
  if (!response.ok()) throw new Error(`job ${name} answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { result: unknown }).result;
}

/** The signed-in user's id, from the auth library's session endpoint (the request shares the page's cookies). */
export async function currentUserId(request: APIRequestContext): Promise<string> {
  const response = await request.get("/api/auth/get-session");
  const session = (await response.json()) as { user?: { id: string } } | null;
  if (!session?.user) throw new Error("no one is signed in on this request context");
  return session.user.id;
}
