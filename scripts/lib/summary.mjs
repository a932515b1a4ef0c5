// Counts passed and failed tests from Vitest's and Playwright's JSON reports, and names each failure, so the
// closing lines of a CI log say which test failed even when only its tail is kept.
import { existsSync, readFileSync } from "node:fs";
import { relative } from "node:path";

// Reporters colour their messages: the escapes are dropped, so the line reads as text in any log.
const ANSI = /\u001b\[[0-9;]*m/g;
const firstLine = (text) =>
  String(text ?? "")
    .replace(ANSI, "")
    .split("\n")
    .find((line) => line.trim() !== "") ?? "";

function vitest(report) {
  const failures = [];
  for (const file of report.testResults ?? []) {
    const name = relative(process.cwd(), file.name ?? "");
    const failed = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failed) failures.push(`${name} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    // A file that failed outside any test (an import error, a hook) has no failed assertion to name.
    if (file.status === "failed" && failed.length === 0) failures.push(`${name}: ${firstLine(file.message)}`);
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorCount ?? 0),
    failures,
  };
}

/** A Playwright error as one line: its first line, the locator it waited on, and where in the spec it was raised. */
function playwrightError(error) {
  const text = String(error?.message ?? "").replace(ANSI, "");
  const locator = text.split("\n").find((line) => /^\s*Locator: /.test(line));
  const at = error?.location ? ` (${relative(process.cwd(), error.location.file)}:${error.location.line})` : "";
  return [firstLine(text), locator?.trim()].filter(Boolean).join(" · ") + at;
}

function playwrightFailures(suite, titles, failures) {
  const path = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== "unexpected") continue;
      failures.push(`${[...path, spec.title].join(" › ")}: ${playwrightError(test.results?.at(-1)?.errors?.[0])}`);
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, path, failures);
}

function playwright(report) {
  const s = report.stats ?? {};
  const failures = [];
  for (const suite of report.suites ?? []) playwrightFailures(suite, [], failures);
  for (const error of report.errors ?? []) failures.push(`playwright: ${playwrightError(error)}`);
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: (s.unexpected ?? 0) + (report.errors?.length ?? 0), failures };
}

/** Sums the reports; a missing report counts as one failure, so a runner that never ran cannot pass. */
export function summarize(files) {
  const total = { passed: 0, failed: 0, failures: [] };
  for (const file of files) {
    if (!existsSync(file)) {
      total.failed += 1;
      total.failures.push(`missing test report: ${file}`);
      continue;
    }
    const report = JSON.parse(readFileSync(file, "utf8"));
    const counts = "stats" in report && "suites" in report ? playwright(report) : vitest(report);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.failures.push(...counts.failures);
  }
  return total;
}

/** Prints each failure (its first line, at most 500 characters) and the closing `tests:` line. */
export function report({ passed, failed, failures }) {
  for (const failure of failures) console.log(`failed: ${failure.slice(0, 500)}`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = summarize(process.argv.slice(2));
  report(total);
  process.exit(total.failed > 0 || total.passed === 0 ? 1 : 0);
}
