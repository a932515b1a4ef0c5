import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets a second run (a developer beside CI) use another port.
const PORT = Number(process.env.E2E_PORT ?? 3917);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  // A web-first assertion waits on its condition up to this long (Playwright's default is 5 s). A sign-up or a
  // payment round trip can take longer than 5 s on this 2-core box while the other worker runs a journey too.
  expect: { timeout: 15_000 },
  // Playwright empties its outputDir at start: keep it apart from the JSON reports beside it.
  outputDir: "test-results/playwright-artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Every spec but the phone one runs once, on the desktop.
    { name: "chromium", testIgnore: /phone\.spec\.ts$/, use: { ...devices["Desktop Chrome"], channel: undefined } },
    // A phone is a first-class screen: every page at 390×844 (issue 10, item 14).
    {
      name: "phone",
      testMatch: /phone\.spec\.ts$/,
      use: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    },
  ],
  webServer: {
    // A fresh embedded database per run, on an unusual port so a stray server is never tested.
    command: `rm -rf test-results/e2e-data && node_modules/.bin/next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/pricing`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATA_DIR: "test-results/e2e-data",
      NEXT_TELEMETRY_DISABLED: "1",
      QUORUM_TEST_CLOCK: "1",
      // Every test comes from 127.0.0.1: the per-address limits ×100, so the suite never trips them
      // (the real ones are tested in lib/limits and scripts/rate-limits.process.test.ts); per-account back-off is unscaled.
      QUORUM_RATE_LIMITS: "100",
      QUORUM_BOOTSTRAP_OPERATORS: "e2e-operator@example.com",
      QUORUM_BOOTSTRAP_OPERATOR_PASSWORD: "e2e operator password",
    },
  },
});
