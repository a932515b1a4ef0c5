// `npm run bench`: pricing-core throughput on one core; then the production server beside a bare
// Next.js app built in the same run (scripts/bench/bare.ts): POST /api/v1/price against the bare route
// handler in alternating runs, every page's first-load JS and HTML (gzip), the staff side's messages
// looked for in the store pages' HTML, /buy's price-summary latency, and Lighthouse (mobile, median of
// 3) on the buyer pages and the bare page. Prints ONE table of target, figure and PASS/FAIL, and a
// summary line; exits 0 unless it crashes (a missed target is reported as FAIL, not as an exit code).
// The parts live in scripts/bench/.
import { fileURLToPath } from "node:url";
import { messagesFor } from "@/lib/i18n/messages";
import { staffMessageMarkers } from "@/lib/i18n/scopes";
import { scanEntry } from "@/lib/i18n/client-scan";
import { BARE_BASE, BARE_PAGE, withBare } from "./bench/bare";
import {
  benchBrowser,
  benchPages,
  BUY_PATH,
  CLICKS,
  FRAME_MS,
  TARGET_FIRST_LOAD_GZIP,
  type BrowserResult,
  type PageLoad,
} from "./bench/browser";
import { benchCore, buildCarts, expectedTotal, LINES } from "./bench/core";
import { makeBenchData } from "./bench/data";
import { benchHttp, HTTP_CONNECTIONS, HTTP_DURATION_S, HTTP_ROUNDS } from "./bench/http";
import { benchLighthouse, LIGHTHOUSE_RUNS, LIGHTHOUSE_VERSION, type LighthouseResult } from "./bench/lighthouse";
import { int, kib, table, verdict } from "./bench/report";
import { race } from "./bench/lighthouse-audits";
import { benchPhone } from "./bench/phone";
import { BASE, ROOT, withServer } from "./bench/server";

const TARGET_CARTS_PER_S = 100_000;
const TARGET_RATIO = 0.9;
const TARGET_P99_MS = 30;
const TARGET_PERFORMANCE = 0.95;
const TARGET_WITHIN_BARE = 0.03;
const TARGET_LCP_FACTOR = 1.5;
const TARGET_ACCESSIBILITY = 0.98;
const TARGET_ABOVE_BARE_JS = 35 * 1024;

process.chdir(ROOT); // ensureBuild and `next start` work on paths relative to the project

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "n/a");
const sec = (n: number) => `${(n / 1000).toFixed(2)} s`;

type Row = { measure: string; figure: string; target: string; pass?: boolean };

/** A part that failed reports its rows as FAIL with the reason, not the whole bench. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | Error> {
  try {
    return await run();
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    process.stderr.write(`${what} failed: ${e.stack ?? e.message}\n`);
    return e;
  }
}

async function main() {
  const carts = buildCarts();
  process.stderr.write(`Pricing core: ${carts.length} valid ${LINES}-line carts, 1 s warm-up, ≥ 3 s measured …\n`);
  const core = await benchCore(carts);

  const cart = carts[0]!;
  const body = JSON.stringify(cart);
  const measured = await withBare(() =>
    withServer(async () => {
      const data = await makeBenchData();
      const http = await benchHttp(body, expectedTotal(cart));
      const pages = [
        { name: "bare page", origin: BARE_BASE, path: BARE_PAGE },
        { name: "/pricing", origin: BASE, path: "/pricing", route: "/pricing" },
        { name: "/buy", origin: BASE, path: BUY_PATH, route: "/buy" },
        { name: "/q/<token>", origin: BASE, path: data.quotePath, route: "/q/[token]" },
        { name: "/orders/<id>", origin: BASE, path: data.orderPath, route: "/orders/[id]", cookie: data.buyerCookie },
        { name: "/console/services", origin: BASE, path: "/console/services", route: "/console/services", cookie: data.buyerCookie },
      ];
      // Measured for first-load JS and HTML only ("no page more than 35 KB above the bare page"); Lighthouse scores the pages above.
      const moreLoads = [
        { name: "/q/<bad token>", origin: BASE, path: `/q/${"A".repeat(43)}`, route: "/q/[token]" },
        { name: "/q/<token>/checkout", origin: BASE, path: `${data.quotePath}/checkout`, route: "/q/[token]/checkout" },
        { name: "/sign-in", origin: BASE, path: "/sign-in", route: "/sign-in" },
        { name: "/sign-up", origin: BASE, path: "/sign-up", route: "/sign-up" },
        { name: "/contact-sales", origin: BASE, path: "/contact-sales", route: "/contact-sales" },
        { name: "/membership", origin: BASE, path: "/membership", route: "/membership", cookie: data.buyerCookie },
      ];
      const loads = await attempt("Page loads", () => benchPages([...pages, ...moreLoads]));
      const browser = await attempt("Browser (/buy)", () => benchBrowser());
      const lighthouse = await attempt("Lighthouse", () =>
        benchLighthouse(
          pages.map((p) => ({ name: p.name, url: `${p.origin}${p.path}`, ...(p.cookie && { headers: { cookie: p.cookie } }) })),
        ),
      );
      // More parts (scripts/bench/phone.ts, issue 15) run here and add their rows below.
      return { http, loads, browser, lighthouse };
    }),
  );
  const { http, loads, browser, lighthouse } = measured;

  const rows: Row[] = [];
  const notes: string[] = [];
  rows.push({
    measure: "core  priceCart throughput",
    figure: `${int(core.cartsPerSecond)} carts/s`,
    target: `>= ${int(TARGET_CARTS_PER_S)}`,
    pass: core.cartsPerSecond >= TARGET_CARTS_PER_S,
  });

  rows.push(
    {
      measure: "price POST /api/v1/price vs bare app, req/s",
      figure: `${http.ratio.toFixed(3)}× (${int(http.price.rps)} vs ${int(http.bare.rps)})`,
      target: `>= ${TARGET_RATIO}×`,
      pass: http.ratio >= TARGET_RATIO,
    },
    {
      measure: "price p99 latency, 10 connections",
      figure: `${http.price.p99} ms (bare ${http.bare.p99} ms)`,
      target: `<= ${TARGET_P99_MS} ms`,
      pass: http.price.p99 <= TARGET_P99_MS,
    },
    { measure: "price non-2xx answers", figure: String(http.price.non2xx), target: "0", pass: http.price.non2xx === 0 },
  );

  // Lighthouse: every buyer page against the bare page of the same run.
  if (lighthouse instanceof Error) {
    rows.push({ measure: "lighthouse", figure: "error", target: "", pass: false });
    notes.push(`Lighthouse failed: ${lighthouse.message.split("\n")[0]!.slice(0, 120)}`);
  } else {
    const bare = lighthouse.find((r) => r.name === "bare page")!;
    rows.push({
      measure: "lh    bare page (the floor)",
      figure: `perf ${bare.performance.toFixed(2)}, LCP ${sec(bare.lcpMs)} ${race(bare)}, TBT ${bare.tbtMs.toFixed(0)} ms, CLS ${bare.cls.toFixed(3)}, a11y ${bare.accessibility.toFixed(2)}`,
      target: "",
    });
    for (const r of lighthouse.filter((x) => x !== bare) as LighthouseResult[]) {
      const floor = TARGET_PERFORMANCE;
      rows.push(
        {
          measure: `lh    ${r.name} performance`,
          figure: `${r.performance.toFixed(2)} (TBT ${r.tbtMs.toFixed(0)} ms)`,
          target: `>= ${floor} and >= bare − ${TARGET_WITHIN_BARE} (${(bare.performance - TARGET_WITHIN_BARE).toFixed(2)})`,
          pass: r.performance >= floor && r.performance >= bare.performance - TARGET_WITHIN_BARE - 1e-9,
        },
        {
          measure: `lh    ${r.name} LCP`,
          figure: `${sec(r.lcpMs)} ${race(r)}`,
          target: `<= ${TARGET_LCP_FACTOR}× bare (${sec(bare.lcpMs * TARGET_LCP_FACTOR)})`,
          pass: r.lcpMs <= bare.lcpMs * TARGET_LCP_FACTOR,
        },
        { measure: `lh    ${r.name} CLS`, figure: r.cls.toFixed(3), target: "0", pass: r.cls === 0 },
        {
          measure: `lh    ${r.name} accessibility`,
          figure: r.accessibility.toFixed(2),
          target: `>= ${TARGET_ACCESSIBILITY}`,
          pass: r.accessibility >= TARGET_ACCESSIBILITY,
        },
      );
    }
  }

  // First-load JS and HTML per page; the staff side's messages looked for in every store page.
  if (loads instanceof Error) {
    rows.push({ measure: "pages first-load JS / HTML", figure: "error", target: "", pass: false });
    notes.push(`Page loads failed: ${loads.message.split("\n")[0]!.slice(0, 120)}`);
  } else {
    const bare = loads.find((l) => l.name === "bare page")!;
    for (const l of loads.filter((x) => x !== bare) as PageLoad[]) {
      const limit =
        l.name === "/buy" ? Math.min(TARGET_FIRST_LOAD_GZIP, bare.jsGzip + TARGET_ABOVE_BARE_JS) : bare.jsGzip + TARGET_ABOVE_BARE_JS;
      rows.push({
        measure: `js    ${l.name} first-load JS, gzip`,
        figure: `${kib(l.jsGzip)} KB (+${kib(l.jsGzip - bare.jsGzip)} over bare, ${l.jsFiles} files)`,
        target: l.name === "/buy" ? `<= ${kib(TARGET_FIRST_LOAD_GZIP)} KB and <= bare + 35 KB` : "<= bare + 35 KB",
        pass: l.jsGzip <= limit,
      });
    }
    rows.push({ measure: "js    bare page first-load JS, gzip", figure: `${kib(bare.jsGzip)} KB (${bare.jsFiles} files)`, target: "" });
    for (const l of loads)
      rows.push({ measure: `html  ${l.name} HTML, gzip`, figure: `${kib(l.htmlGzip)} KB (${kib(l.htmlBytes)} KB raw)`, target: "" });
    const markers = staffMessageMarkers(messagesFor("zh-CN"));
    const leaks = loads
      .filter((l) => l !== bare)
      .flatMap((l) => markers.filter((m) => l.html.includes(m)).map((m) => `${l.name}: ${m.slice(0, 30)}`));
    rows.push({
      measure: "html  staff messages in store pages' HTML",
      figure: String(leaks.length),
      target: "0",
      pass: leaks.length === 0,
    });
    if (leaks.length > 0) notes.push(`Staff messages found: ${leaks.slice(0, 5).join("; ")}`);
  }

  // /pricing: the app's own client components reachable from the page (the billing switch is next/link).
  const pricingClient = scanEntry(ROOT, fileURLToPath(new URL("../app/(store)/pricing/page.tsx", import.meta.url))).clientModules;
  rows.push({
    measure: "/pricing app client components",
    figure: pricingClient.length === 0 ? "0 (switch = next/link)" : pricingClient.join(", "),
    target: "0 beyond the switch",
    pass: pricingClient.length === 0,
  });

  // /buy's price summary after each input.
  if (browser instanceof Error) {
    rows.push({ measure: "buy   summary update p95", figure: "error", target: `< ${FRAME_MS.toFixed(1)} ms`, pass: false });
    notes.push(`Browser part failed: ${browser.message.split("\n")[0]!.slice(0, 120)}`);
  } else {
    const { firstLoad: load, latency } = browser as BrowserResult;
    rows.push(
      {
        measure: "buy   summary update p95",
        figure: `${ms(latency.p95)} ms (p50 ${ms(latency.p50)}, max ${ms(latency.max)})`,
        target: `< ${FRAME_MS.toFixed(1)} ms`,
        pass: latency.missed === 0 && latency.p95 < FRAME_MS,
      },
      {
        measure: "buy   updates within one frame",
        figure: `${latency.withinFrame}/${CLICKS}`,
        target: `${CLICKS}/${CLICKS}`,
        pass: latency.missed === 0 && latency.withinFrame === CLICKS,
      },
    );
    if (latency.missed > 0) notes.push(`${latency.missed} of ${CLICKS} clicks did not change the summary total within 1 s`);
    const chunkRows = [["/buy script (largest first)", "Gzip KB", "Raw KB", "Looks like"]];
    for (const f of [...load.fetched].sort((a, b) => b.gzip - a.gzip))
      chunkRows.push([f.file, kib(f.gzip), kib(f.bytes), f.hints.join(", ")]);
    process.stderr.write(`\n${table(chunkRows)}\n`);
  }

  const printed = [
    ["Measure", "Figure", "Target", "Result"],
    ...rows.map((r) => [r.measure, r.figure, r.target, r.pass === undefined ? "" : verdict(r.pass)]),
  ];
  console.log("");
  console.log(table(printed, -1));
  console.log("");
  console.log(
    `(${LINES}-line business cart; HTTP: ${HTTP_CONNECTIONS} connections, ${HTTP_ROUNDS} pairs of ${HTTP_DURATION_S} s runs in ABBA order after a warm-up, medians, load generator on the same box; ` +
      `Lighthouse ${LIGHTHOUSE_VERSION} mobile, simulated throttling, median of ${LIGHTHOUSE_RUNS}; JS = gzip -9 of each script a fresh first load fetched; KB = 1024 bytes)`,
  );
  for (const note of notes) console.log(`(${note})`);
  // Phone-credit ingestion and ledger pages (issue 15): its own table.
  await benchPhone();
  const judged = rows.filter((r) => r.pass !== undefined);
  const failed = judged.filter((r) => !r.pass);
  console.log(
    `Summary: ${judged.length - failed.length}/${judged.length} targets met${failed.length ? ` — FAIL: ${failed.map((r) => r.measure.replace(/^\S+\s+/, "")).join("; ")}` : ""}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
