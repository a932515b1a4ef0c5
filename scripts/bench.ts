// `npm run bench`: pricing-core throughput on one core; then, on the production server,
// POST /api/v1/price against a bare route handler, and /buy in headless Chromium (first-load JS,
// price-summary update latency). Prints one table and a summary line; exits 0 unless it crashes
// (a missed target is reported as FAIL, not as an exit code). The parts live in scripts/bench/.
import { benchBrowser, CLICKS, FRAME_MS, TARGET_FIRST_LOAD_GZIP, type BrowserResult } from "./bench/browser";
import { benchCore, buildCarts, expectedTotal, LINES } from "./bench/core";
import { benchHttp, HTTP_CONNECTIONS, HTTP_DURATION_S } from "./bench/http";
import { int, kib, table, verdict } from "./bench/report";
import { ROOT, withServer } from "./bench/server";
import { benchPhone } from "./bench/phone";

const TARGET_CARTS_PER_S = 100_000;
const TARGET_RATIO = 0.9;
const TARGET_P99_MS = 30;

process.chdir(ROOT); // ensureBuild and `next start` work on paths relative to the project

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "n/a");

async function main() {
  const carts = buildCarts();
  process.stderr.write(`Pricing core: ${carts.length} valid ${LINES}-line carts, 1 s warm-up, ≥ 3 s measured …\n`);
  const core = await benchCore(carts);

  const cart = carts[0]!;
  const body = JSON.stringify(cart);
  const { http, browser } = await withServer(async () => {
    const http = await benchHttp(body, expectedTotal(cart));
    // A browser that cannot start or a page that breaks fails these rows, not the whole bench.
    let browser: BrowserResult | Error;
    try {
      browser = await benchBrowser();
    } catch (error) {
      browser = error instanceof Error ? error : new Error(String(error));
      process.stderr.write(`Browser part failed: ${browser.stack ?? browser.message}\n`);
    }
    return { http, browser };
  });

  const corePass = core.cartsPerSecond >= TARGET_CARTS_PER_S;
  const ratio = http.price.rps / http.bare.rps;
  const ratioPass = ratio >= TARGET_RATIO;
  const p99Pass = http.price.p99 <= TARGET_P99_MS;
  const non2xxPass = http.price.non2xx === 0;

  const rows = [
    ["Measure", "Value", "Unit", "Target", "Result"],
    ["core  priceCart throughput", int(core.cartsPerSecond), "carts/s", `>= ${int(TARGET_CARTS_PER_S)}`, verdict(corePass)],
    ["core  time per cart", core.microsPerCart.toFixed(2), "µs", "", ""],
    ["core  carts priced (timed)", int(core.priced), "carts", "", ""],
    ["bare  POST /api/bench/bare", int(http.bare.rps), "req/s", "", ""],
    ["bare  latency p50", String(http.bare.p50), "ms", "", ""],
    ["bare  latency p99", String(http.bare.p99), "ms", "", ""],
    ["price POST /api/v1/price", int(http.price.rps), "req/s", "", ""],
    ["price latency p50", String(http.price.p50), "ms", "", ""],
    ["price latency p99", String(http.price.p99), "ms", `<= ${TARGET_P99_MS}`, verdict(p99Pass)],
    ["price non-2xx answers", String(http.price.non2xx), "", "0", verdict(non2xxPass)],
    ["ratio price/bare req/s", ratio.toFixed(3), "", `>= ${TARGET_RATIO}`, verdict(ratioPass)],
  ];
  const notes: string[] = [];
  let bundlePass = false;
  let framePass = false;
  let p95Pass = false;
  let bundleSummary = "error";
  let latencySummary = "error";

  if (browser instanceof Error) {
    const reason = browser.message.split("\n")[0]!.slice(0, 60);
    rows.push(
      ["buy   first-load JS, gzip -9", "error", "KB", `<= ${kib(TARGET_FIRST_LOAD_GZIP)}`, "FAIL"],
      ["buy   summary update p95", "error", "ms", `< ${FRAME_MS.toFixed(1)}`, "FAIL"],
      ["buy   updates within one frame", "error", "", `${CLICKS}/${CLICKS}`, "FAIL"],
    );
    notes.push(`Browser part failed: ${reason}`);
  } else {
    const { firstLoad: load, latency } = browser;
    bundlePass = load.gzip <= TARGET_FIRST_LOAD_GZIP;
    framePass = latency.missed === 0 && latency.withinFrame === CLICKS;
    p95Pass = latency.missed === 0 && latency.p95 < FRAME_MS;
    rows.push(["buy   first-load JS, gzip -9 (fetched)", kib(load.gzip), "KB", `<= ${kib(TARGET_FIRST_LOAD_GZIP)}`, verdict(bundlePass)]);
    const stats = load.stats;
    const fetchedFiles = load.fetched.map((f) => f.file).sort();
    const statsFiles = stats?.files.map((f) => f.file).sort();
    const sameFiles = statsFiles !== undefined && statsFiles.join("\n") === fetchedFiles.join("\n");
    if (stats && (!sameFiles || stats.gzip !== load.gzip)) {
      rows.push(["buy   first-load JS, gzip -9 (bundle stats)", kib(stats.gzip), "KB", "", ""]);
      const missing = stats.files.filter((f) => !fetchedFiles.includes(f.file)).map((f) => f.file);
      const extra = load.fetched.filter((f) => !statsFiles!.includes(f.file)).map((f) => f.file);
      notes.push(
        `route-bundle-stats.json differs from what the page fetched: listed but not fetched [${missing.join(", ")}]; fetched but not listed [${extra.join(", ")}]`,
      );
    }
    rows.push(
      ["buy   first-load JS, uncompressed", kib(load.bytes), "KB", "", ""],
      ["buy   script files fetched", String(load.fetched.length), "files", "", ""],
      ["buy   summary update p50", ms(latency.p50), "ms", "", ""],
      ["buy   summary update p95", ms(latency.p95), "ms", `< ${FRAME_MS.toFixed(1)}`, verdict(p95Pass)],
      ["buy   summary update max", ms(latency.max), "ms", "", ""],
      ["buy   updates within one frame", `${latency.withinFrame}/${CLICKS}`, "", `${CLICKS}/${CLICKS}`, verdict(framePass)],
    );
    if (latency.missed > 0) notes.push(`${latency.missed} of ${CLICKS} clicks did not change the summary total within 1 s`);
    notes.push(
      `/buy first load: gzip -9 of each decoded script body (not the bytes on the wire: next start sent ${load.encodings.join("/")}, ${kib(load.transferred)} KB transferred)` +
        (stats
          ? sameFiles
            ? `; route-bundle-stats.json lists the same ${stats.files.length} files`
            : ""
          : "; no route-bundle-stats.json entry for /buy"),
    );
    notes.push(
      `Summary update: ${CLICKS} clicks on the seats "+" (dispatched in the page, each just after a frame), dispatch → first mutation of [data-testid=summary-total]; within one frame = before the next requestAnimationFrame callback`,
    );
    bundleSummary = `${kib(load.gzip)} KB ${verdict(bundlePass)}`;
    latencySummary = `p95 ${ms(latency.p95)} ms ${verdict(p95Pass)}, ${latency.withinFrame}/${CLICKS} within a frame ${verdict(framePass)}`;

    const chunkRows = [["/buy script (largest first)", "Gzip KB", "Raw KB", "Looks like"]];
    for (const f of [...load.fetched].sort((a, b) => b.gzip - a.gzip))
      chunkRows.push([f.file, kib(f.gzip), kib(f.bytes), f.hints.join(", ")]);
    console.log("");
    console.log(table(chunkRows));
  }

  console.log("");
  console.log(table(rows));
  console.log("");
  console.log(
    `(${LINES}-line business cart; HTTP: ${HTTP_CONNECTIONS} connections × ${HTTP_DURATION_S} s, best of 2 rounds per endpoint, load generator on the same box; KB = 1024 bytes)`,
  );
  for (const note of notes) console.log(`(${note})`);
  await benchPhone();
  const results = [corePass, p99Pass, non2xxPass, ratioPass, bundlePass, p95Pass, framePass];
  const passed = results.filter(Boolean).length;
  console.log(
    `Summary: ${passed}/${results.length} targets met — core ${int(core.cartsPerSecond)} carts/s ${verdict(corePass)}, ` +
      `price/bare ${ratio.toFixed(2)} ${verdict(ratioPass)}, price p99 ${http.price.p99} ms ${verdict(p99Pass)}, non-2xx ${http.price.non2xx} ${verdict(non2xxPass)}, ` +
      `/buy JS ${bundleSummary}, summary update ${latencySummary}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
