// `npm test`: format check → lint → typecheck → unit and integration (Vitest) → production build → end-to-end
// (Playwright against `next start`). Ends with `tests: N passed, N failed` over both runners.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { summarize } from "./lib/summary.mjs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete env.NO_COLOR; // Playwright sets FORCE_COLOR; both together make Node warn.
const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", env }).status === 0;
const bin = (name) => `node_modules/.bin/${name}`;

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });

const reports = ["test-results/vitest.json", "test-results/playwright.json"];
let ok = run(bin("prettier"), ["--check", "."]) && run(bin("eslint"), ["."]) && run(bin("tsc"), ["--noEmit"]);
if (ok) {
  const unit = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${reports[0]}`]);
  const built = run(bin("next"), ["build"]);
  const e2e = built && run(bin("playwright"), ["test"]);
  ok = unit && built && e2e;
}
const { passed, failed } = summarize(reports);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
