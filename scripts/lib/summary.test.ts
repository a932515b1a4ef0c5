import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { summarize } from "./summary.mjs";

const dir = mkdtempSync(join(tmpdir(), "summary-"));
const write = (name: string, report: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(report));
  return file;
};

const vitestReport = write("vitest.json", {
  numPassedTests: 2,
  numFailedTests: 1,
  numRuntimeErrorCount: 0,
  testResults: [
    {
      name: join(process.cwd(), "lib/a.test.ts"),
      status: "failed",
      assertionResults: [
        { fullName: "a adds", status: "passed", failureMessages: [] },
        { fullName: "a rounds", status: "failed", failureMessages: ["\nAssertionError: expected 1 to be 2\n    at x"] },
      ],
    },
    { name: join(process.cwd(), "lib/b.test.ts"), status: "failed", message: "Cannot find module './c'", assertionResults: [] },
    { name: join(process.cwd(), "lib/d.test.ts"), status: "passed", assertionResults: [{ fullName: "d", status: "passed" }] },
  ],
});

const playwrightReport = write("playwright.json", {
  stats: { expected: 3, flaky: 1, unexpected: 2 },
  errors: [],
  suites: [
    {
      title: "buy.spec.ts",
      specs: [{ title: "top", tests: [{ status: "expected", results: [] }] }],
      suites: [
        {
          title: "the wizard",
          specs: [
            {
              title: "keeps the cart on Back",
              tests: [{ status: "unexpected", results: [{ errors: [{ message: "\u001b[31mError: timed out\u001b[39m\nCall log:" }] }] }],
            },
            {
              title: "shows the total",
              tests: [
                {
                  status: "unexpected",
                  results: [
                    {
                      errors: [
                        {
                          message: "Error: expect(locator).toBeVisible() failed\n\nLocator: getByText('¥1.00')\nExpected: visible",
                          location: { file: join(process.cwd(), "e2e/buy.spec.ts"), line: 42, column: 5 },
                        },
                      ],
                    },
                  ],
                },
              ],
            },
            { title: "retried", tests: [{ status: "flaky", results: [] }] },
          ],
        },
      ],
    },
  ],
});

describe("the CI summary", () => {
  it("sums passes and failures over reports and names each failure with its first line (a browser test's: its locator and line too)", () => {
    const total = summarize([vitestReport, playwrightReport]);
    expect(total.passed).toBe(2 + 3 + 1);
    expect(total.failed).toBe(1 + 2);
    expect(total.failures).toEqual([
      "lib/a.test.ts › a rounds: AssertionError: expected 1 to be 2",
      "lib/b.test.ts: Cannot find module './c'",
      "buy.spec.ts › the wizard › keeps the cart on Back: Error: timed out",
      "buy.spec.ts › the wizard › shows the total: Error: expect(locator).toBeVisible() failed · Locator: getByText('¥1.00') (e2e/buy.spec.ts:42)",
    ]);
  });

  it("counts and names a missing report as a failure", () => {
    const missing = join(dir, "never-written.json");
    expect(summarize([missing])).toEqual({ passed: 0, failed: 1, failures: [`missing test report: ${missing}`] });
  });
});
