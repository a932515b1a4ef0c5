// Lighthouse 12.8.2, mobile (its defaults: Moto G power emulation, simulated slow 4G and 4× CPU), on
// Debian's Chromium with the flags of playwright.config.ts; every page of a round is measured before
// the next round starts, so a load spike on the box hits all pages alike. Median of the runs per page.
// Not a devDependency: with it in package.json the lockfile npm writes lacks a package and `npm ci`
// fails (TOOLCHAIN.md), so it runs through npx, pinned, unless node_modules has it.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, CHROMIUM_ARGS } from "./browser";
import { observed, race } from "./lighthouse-audits";
import { median } from "./report";
import { ROOT } from "./server";

export const LIGHTHOUSE_VERSION = "12.8.2";
export const LIGHTHOUSE_RUNS = 3;
/**
 * CHROMIUM_ARGS and `--hide-scrollbars`. Under mobile emulation headless Chromium gives a page taller than the
 * screen an overlay scrollbar whose fade animation has the renderer submit a frame on every vsync from its first
 * frame on; viz counts the frames its headless display has not drawn, throttles the page's frame sink to one
 * BeginFrame a second (`ThrottleUnresponsiveClient`, Lighthouse issue #17148) and the first contentful frame is
 * presented about a second after it was painted. In traces of 12 runs of `/pricing` (2026-12-03) 5 presented at
 * 1.23–1.26 s a frame painted at 185–230 ms (Lantern then read LCP 2.5–2.6 s); with the flag none of 8 did. The
 * bare page is one screen, never scrolls and never hit it; the Lighthouse issue finds it in headless runs only.
 */
const LIGHTHOUSE_CHROMIUM_ARGS = [...CHROMIUM_ARGS, "--hide-scrollbars"];

export interface LighthouseTarget {
  name: string;
  url: string;
  /** Extra request headers (the signed-in buyer's cookie). */
  headers?: Record<string, string>;
}

export interface LighthouseRun {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** The paint the LCP was observed at in the unthrottled load (ms from navigation). */
  observedLcpMs: number;
  /** When the last script of the page had arrived in that load: Lantern counts a script that was in and ran before the observed paint. */
  scriptsInMs: number;
}

export interface LighthouseResult extends LighthouseRun {
  name: string;
  runs: LighthouseRun[];
}

function command(): { file: string; args: string[] } {
  const local = join(ROOT, "node_modules/.bin/lighthouse");
  if (existsSync(local)) return { file: local, args: [] };
  return { file: "npx", args: ["--yes", `lighthouse@${LIGHTHOUSE_VERSION}`] };
}

function once(target: LighthouseTarget, outDir: string, n: number): Promise<LighthouseRun> {
  const out = join(outDir, `${target.name.replace(/[^a-z0-9]+/gi, "_")}-${n}.json`);
  const { file, args } = command();
  const argv = [
    ...args,
    target.url,
    "--output=json",
    `--output-path=${out}`,
    "--quiet",
    "--only-categories=performance,accessibility",
    `--chrome-flags=${LIGHTHOUSE_CHROMIUM_ARGS.join(" ")}`,
    "--max-wait-for-load=90000",
    ...(target.headers ? [`--extra-headers=${JSON.stringify(target.headers)}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd: outDir, env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr!.on("data", (c: Buffer) => (err = (err + c.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`lighthouse ${target.url} exited ${code}: ${err}`));
      try {
        const report = JSON.parse(readFileSync(out, "utf8")) as {
          runtimeError?: { code: string; message: string };
          categories: Record<string, { score: number | null }>;
          audits: Record<string, { numericValue?: number; details?: { items?: unknown[] } }>;
        };
        if (report.runtimeError) throw new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`);
        resolve({
          performance: report.categories.performance?.score ?? Number.NaN,
          accessibility: report.categories.accessibility?.score ?? Number.NaN,
          lcpMs: report.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
          tbtMs: report.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
          cls: report.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
          ...observed(report.audits),
        });
      } catch (error) {
        reject(new Error(`lighthouse ${target.url}: ${String(error)}`));
      }
    });
  });
}

/** LIGHTHOUSE_RUNS rounds over all targets; each figure is the median of its runs. */
export async function benchLighthouse(targets: LighthouseTarget[]): Promise<LighthouseResult[]> {
  const outDir = mkdtempSync(join(tmpdir(), "quorum-bench-lh-"));
  const runs = new Map<string, LighthouseRun[]>(targets.map((t) => [t.name, []]));
  try {
    for (let round = 1; round <= LIGHTHOUSE_RUNS; round++) {
      for (const target of targets) {
        const run = await once(target, outDir, round);
        process.stderr.write(
          `  lighthouse ${round}/${LIGHTHOUSE_RUNS} ${target.name.padEnd(18)} perf ${run.performance.toFixed(2)}  a11y ${run.accessibility.toFixed(2)}  LCP ${run.lcpMs.toFixed(0)} ms  TBT ${run.tbtMs.toFixed(0)} ms  CLS ${run.cls.toFixed(3)}  ${race(run)}\n`,
        );
        runs.get(target.name)!.push(run);
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return targets.map((t) => {
    const list = runs.get(t.name)!;
    return {
      name: t.name,
      runs: list,
      performance: median(list.map((r) => r.performance)),
      accessibility: median(list.map((r) => r.accessibility)),
      lcpMs: median(list.map((r) => r.lcpMs)),
      tbtMs: median(list.map((r) => r.tbtMs)),
      cls: median(list.map((r) => r.cls)),
      observedLcpMs: median(list.map((r) => r.observedLcpMs)),
      scriptsInMs: median(list.map((r) => r.scriptsInMs)),
    };
  });
}
