// Part 3: /buy in headless Chromium against the running production server — the JS a first load
// fetches (gzip -9 of each file), and how fast the price summary follows a click on the seats "+".
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Page, type Response } from "@playwright/test";
import zh from "@/messages/zh-CN.json" with { type: "json" };
import { percentile } from "./report";
import { BASE, ROOT } from "./server";

export const BUY_PATH = "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1";
export const TARGET_FIRST_LOAD_GZIP = 170 * 1024;
export const CLICKS = 50;
export const FRAME_MS = 1000 / 60;
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/** aria-label of the seats "+" button in zh-CN (the default locale): Buy.increase with Buy.seats as the label. */
const INCREASE_SEATS = zh.Buy.increase.replace("{label}", zh.Buy.seats);

export interface ChunkSize {
  /** Path under .next, e.g. static/chunks/0abc.js (the URL's /_next/ prefix removed). */
  file: string;
  bytes: number;
  gzip: number;
  /** What the chunk appears to hold, from strings that survive minification (a hint, not a manifest). */
  hints: string[];
}

export interface FirstLoad {
  /** Every script the page fetched until network idle, in request order. */
  fetched: ChunkSize[];
  gzip: number;
  bytes: number;
  /** Bytes on the wire (encoded body) and the content-encodings seen, for reference. */
  transferred: number;
  encodings: string[];
  /** The same sums over `.next/diagnostics/route-bundle-stats.json`'s firstLoadChunkPaths for /buy, gzipped from disk. */
  stats: { files: ChunkSize[]; gzip: number; bytes: number; uncompressedReported: number } | null;
}

export interface Latency {
  /** One per click, in order: ms from dispatch to the first mutation of the summary total. */
  samples: { ms: number | null; withinFrame: boolean; before: string; after: string }[];
  p50: number;
  p95: number;
  max: number;
  withinFrame: number;
  /** Clicks the summary total never followed (within 1 s), or followed without changing its text. */
  missed: number;
}

export interface BrowserResult {
  firstLoad: FirstLoad;
  latency: Latency;
}

// Strings that survive minification, to say roughly what a chunk is made of.
const HINTS: [string, string][] = [
  ["__reactProps$", "react-dom"],
  ["next-router-state-tree", "next router"],
  ["NEXT_REDIRECT", "next runtime"],
  ["useLinkStatus", "next/link"],
  ["errorThemeCss", "next error overlay styles"],
  ["MISSING_MESSAGE", "next-intl/use-intl"],
  ["$ZodType", "zod"],
  ["shouldUnregister", "react-hook-form"],
  ["[DecimalError]", "decimal.js"],
  ['"seatUnit"', "catalog.json"],
  ["OrgDetails.errors", "checkout validations"],
  ["queryKey", "@tanstack/react-query"],
  ["better-auth", "better-auth"],
];

const hintsOf = (text: string) => HINTS.filter(([needle]) => text.includes(needle)).map(([, name]) => name);
const gzip = (body: Buffer) => gzipSync(body, { level: 9 }).length;

function chunk(file: string, body: Buffer): ChunkSize {
  return { file, bytes: body.length, gzip: gzip(body), hints: hintsOf(body.toString("latin1")) };
}

/** A route's entry in route-bundle-stats.json, each listed file gzipped from disk; null when the file or entry is missing. */
function fromBundleStats(route: string): FirstLoad["stats"] {
  const path = join(ROOT, ".next/diagnostics/route-bundle-stats.json");
  if (!existsSync(path)) return null;
  const routes = JSON.parse(readFileSync(path, "utf8")) as {
    route: string;
    firstLoadUncompressedJsBytes?: number;
    firstLoadChunkPaths?: string[];
  }[];
  const buy = Array.isArray(routes) ? routes.find((r) => r.route === route) : undefined;
  if (!buy?.firstLoadChunkPaths) return null;
  const files = buy.firstLoadChunkPaths.map((p) => chunk(p.replace(/^\.next\//, ""), readFileSync(join(ROOT, p))));
  return {
    files,
    gzip: files.reduce((s, f) => s + f.gzip, 0),
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    uncompressedReported: buy.firstLoadUncompressedJsBytes ?? Number.NaN,
  };
}

async function firstLoad(page: Page, origin = BASE, path = BUY_PATH, route = "/buy"): Promise<FirstLoad> {
  const pending: Promise<{ size: ChunkSize; transferred: number; encoding: string }>[] = [];
  const failed: string[] = [];
  const collect = async (res: Response) => {
    if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}`);
    const body = await res.body(); // decoded: what the browser parses
    const url = new URL(res.url());
    const file = url.origin === origin ? url.pathname.replace(/^\/_next\//, "") : res.url();
    const sizes = await res.request().sizes();
    return { size: chunk(file, body), transferred: sizes.responseBodySize, encoding: res.headers()["content-encoding"] ?? "identity" };
  };
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") pending.push(collect(res));
  });
  page.on("requestfailed", (req) => {
    if (req.resourceType() === "script") failed.push(`${req.url()}: ${req.failure()?.errorText}`);
  });
  const doc = await page.goto(`${origin}${path}`, { waitUntil: "networkidle", timeout: 60_000 });
  if (!doc?.ok()) throw new Error(`GET ${path} answered ${doc?.status()}`);
  if (failed.length > 0) throw new Error(`Scripts failed to load:\n${failed.join("\n")}`);
  const scripts = await Promise.all(pending);
  if (scripts.length === 0) throw new Error(`GET ${path} loaded no script`);
  const fetched = scripts.map((s) => s.size);
  return {
    fetched,
    gzip: fetched.reduce((s, f) => s + f.gzip, 0),
    bytes: fetched.reduce((s, f) => s + f.bytes, 0),
    transferred: scripts.reduce((s, f) => s + f.transferred, 0),
    encodings: [...new Set(scripts.map((s) => s.encoding))],
    stats: origin === BASE ? fromBundleStats(route) : null,
  };
}

// Runs in the page, so it is plain JavaScript in a string (tsx's helpers would not exist there).
// Each click starts just after a frame has been produced, so a whole frame lies ahead of it; a
// requestAnimationFrame callback registered before the click tells whether the summary total
// changed before the next frame.
const IN_PAGE_CLICKS = String.raw`async ({ label, clicks, timeoutMs }) => {
  const find = () => document.querySelector('[data-testid="summary-total"]');
  const button = [...document.querySelectorAll("button")].find((b) => b.getAttribute("aria-label") === label);
  if (!button) throw new Error("No button labelled " + label);
  if (!find()) throw new Error("No [data-testid=summary-total]");
  const afterFrame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const click = () =>
    new Promise((resolve) => {
      const total = find();
      const before = total.textContent;
      let framed = false;
      let settled = false;
      let t0 = 0;
      const finish = (ms) => {
        if (settled) return;
        settled = true;
        observer.disconnect();
        clearTimeout(timer);
        resolve({ ms, withinFrame: ms !== null && !framed, before, after: find().textContent });
      };
      const observer = new MutationObserver(() => finish(performance.now() - t0));
      observer.observe(total, { childList: true, subtree: true, characterData: true });
      const timer = setTimeout(() => finish(null), timeoutMs);
      requestAnimationFrame(() => { framed = true; });
      t0 = performance.now();
      button.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, view: window, button: 0 }));
    });
  const samples = [];
  for (let i = 0; i < clicks; i++) {
    await afterFrame();
    samples.push(await click());
  }
  return samples;
}`;

/** Waits until React has hydrated the seats "+" button: one click (not measured) must change the total. */
async function waitForHydration(page: Page): Promise<void> {
  const button = page.getByRole("button", { name: INCREASE_SEATS, exact: true });
  await button.waitFor({ state: "visible", timeout: 30_000 });
  await page.waitForFunction(
    (label) => {
      const el = [...document.querySelectorAll("button")].find((b) => b.getAttribute("aria-label") === label);
      return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
    },
    INCREASE_SEATS,
    { timeout: 30_000 },
  );
  const total = page.getByTestId("summary-total");
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const before = await total.textContent();
    await button.click();
    try {
      await page.waitForFunction((previous) => document.querySelector('[data-testid="summary-total"]')?.textContent !== previous, before, {
        timeout: 2000,
      });
      return;
    } catch {
      // not hydrated yet: try again
    }
  }
  throw new Error(`Clicking "${INCREASE_SEATS}" never changed the summary total within 30 s`);
}

async function summaryLatency(page: Page): Promise<Latency> {
  await waitForHydration(page);
  const samples = (await page.evaluate(
    `(${IN_PAGE_CLICKS})(${JSON.stringify({ label: INCREASE_SEATS, clicks: CLICKS, timeoutMs: 1000 })})`,
  )) as Latency["samples"];
  const good = samples.filter((s) => s.ms !== null && s.after !== s.before);
  const sorted = good.map((s) => s.ms!).sort((a, b) => a - b);
  return {
    samples,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
    withinFrame: good.filter((s) => s.withinFrame).length,
    missed: samples.length - good.length,
  };
}

/** Loads /buy once in a fresh browser (empty cache), measures its scripts, then the summary's update latency. */
export async function benchBrowser(): Promise<BrowserResult> {
  process.stderr.write(`Browser: first load of ${BUY_PATH}, then ${CLICKS} clicks on "${INCREASE_SEATS}" …\n`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const load = await firstLoad(page);
    const latency = await summaryLatency(page);
    if (errors.length > 0) process.stderr.write(`  page errors:\n    ${errors.join("\n    ")}\n`);
    return { firstLoad: load, latency };
  } finally {
    await browser.close();
  }
}

export interface PageTarget {
  name: string;
  origin: string;
  path: string;
  /** The route's name in route-bundle-stats.json (app pages only). */
  route?: string;
  /** Cookies for a signed-in page, as a Cookie header. */
  cookie?: string;
}

export interface PageLoad {
  name: string;
  /** gzip -9 of each script the first load fetched, summed. */
  jsGzip: number;
  jsFiles: number;
  /** gzip -9 of the HTML document. */
  htmlGzip: number;
  htmlBytes: number;
  html: string;
}

/** Each page's first load in a fresh context (empty cache): its scripts and its HTML, gzip -9. */
export async function benchPages(targets: PageTarget[]): Promise<PageLoad[]> {
  process.stderr.write(`Browser: first load of ${targets.map((t) => t.name).join(", ")} …\n`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const loads: PageLoad[] = [];
    for (const target of targets) {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 } });
      try {
        if (target.cookie) {
          const cookies = target.cookie.split("; ").map((pair) => {
            const eq = pair.indexOf("=");
            return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: target.origin };
          });
          await context.addCookies(cookies);
        }
        const page = await context.newPage();
        const load = await firstLoad(page, target.origin, target.path, target.route);
        const res = await fetch(`${target.origin}${target.path}`, {
          headers: { "accept-language": "zh-CN,zh;q=0.9", ...(target.cookie && { cookie: target.cookie }) },
          redirect: "manual",
        });
        if (res.status !== 200) throw new Error(`GET ${target.path} answered ${res.status}`);
        const body = Buffer.from(await res.arrayBuffer());
        loads.push({
          name: target.name,
          jsGzip: load.gzip,
          jsFiles: load.fetched.length,
          htmlGzip: gzip(body),
          htmlBytes: body.length,
          html: body.toString("utf8"),
        });
      } finally {
        await context.close();
      }
    }
    return loads;
  } finally {
    await browser.close();
  }
}
