// Counts passed and failed tests from Vitest's and Playwright's JSON reports.
import { existsSync, readFileSync } from "node:fs";

function vitest(report) {
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorCount ?? 0) };
}

function playwright(report) {
  const s = report.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (report.errors?.length ?? 0) };
}

/** Sums the reports; a missing report counts as one failure, so a runner that never ran cannot pass. */
export function summarize(files) {
  const total = { passed: 0, failed: 0 };
  for (const file of files) {
    if (!existsSync(file)) {
      console.error(`missing test report: ${file}`);
      total.failed += 1;
      continue;
    }
    const report = JSON.parse(readFileSync(file, "utf8"));
    const counts = "stats" in report && "suites" in report ? playwright(report) : vitest(report);
    total.passed += counts.passed;
    total.failed += counts.failed;
  }
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = summarize(process.argv.slice(2));
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}
