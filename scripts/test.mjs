// `npm test`: format check → lint → typecheck → unit and integration (Vitest) → production build → process-level
// (Vitest against `next start`) → end-to-end (Playwright against `next start`). Ends with `tests: N passed, N failed`
// over every runner.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { report, summarize } from "./lib/summary.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete env.NO_COLOR; // Playwright sets FORCE_COLOR; both together make Node warn.
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env }).status === 0;
const bin = (name) => `node_modules/.bin/${name}`;

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

const reports = ["test-results/vitest.json", "test-results/vitest-process.json", "test-results/playwright.json"];
let ok = run(bin("prettier"), ["--check", "."]) && run(bin("eslint"), ["."]) && run(bin("tsc"), ["--noEmit"]);
if (ok) {
  const unit = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports[0]}`]);
  const built = run(bin("next"), ["build"]);
  // Process-level tests against the build (two `next start` on one DATA_DIR), then the browser.
  const process_ =
    built &&
    run(bin("vitest"), [
      "run",
      "--config",
      "vitest.process.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${reports[1]}`,
    ]);
  const e2e = built && run(bin("playwright"), ["test"]);
  ok = unit && built && process_ && e2e;
}
const total = summarize(reports);
report(total);
process.exit(ok && total.failed === 0 && total.passed > 0 ? 0 : 1);
