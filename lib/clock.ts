import "server-only";
import { headers } from "next/headers";

import { TEST_CLOCK_HEADER } from "./clock-header";

export { TEST_CLOCK_HEADER };

/**
 * "Now" for a request. Only a server started with QUORUM_TEST_CLOCK=1 (the end-to-end suite)
 * lets a request move it forward with the x-quorum-test-now header (an ISO time), so tests can
 * see an order expire without waiting 30 minutes; everywhere else it is the real clock.
 */
export async function requestNow(): Promise<Date> {
  if (process.env.QUORUM_TEST_CLOCK === "1") {
    const injected = (await headers()).get(TEST_CLOCK_HEADER);
    const at = injected ? new Date(injected) : undefined;
    if (at && !Number.isNaN(at.getTime())) return at;
  }
  return new Date();
}
