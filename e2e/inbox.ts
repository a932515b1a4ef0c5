import type { APIRequestContext } from "@playwright/test";
import { TEST_CLOCK_HEADER } from "@/lib/clock-header";

/**
 * Tests only: puts a notice in the signed-in user's inbox through `notify` (POST /api/test/notifications,
 * served only with QUORUM_TEST_CLOCK=1), at `now` if given. Answers its id (undefined for a repeated dedupeKey).
 */
export async function addNotice(
  request: APIRequestContext,
  notice: { messageKey: string; params?: Record<string, string | number>; href?: string; dedupeKey?: string; now?: string },
): Promise<string | undefined> {
  const { now, ...data } = notice;
  const response = await request.post("/api/test/notifications", { data, headers: now ? { [TEST_CLOCK_HEADER]: now } : {} });
  if (!response.ok()) throw new Error(`notify answered ${response.status()}: ${await response.text()}`);
  return ((await response.json()) as { id?: string }).id;
}
