/** The header through which an e2e request moves the server's clock (only with QUORUM_TEST_CLOCK=1; lib/clock.ts). */
export const TEST_CLOCK_HEADER = "x-quorum-test-now";
