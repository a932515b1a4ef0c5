// Phone-credit benchmarks (issue 15), called from scripts/bench.ts: usage ingestion throughput
// (batches of 500, rated and charged under the account lock) on the embedded database and, when
// BENCH_PHONE_DATABASE_URL names a migrated PostgreSQL database, on PostgreSQL; a replay of the same
// batches must add 0 ledger rows; then the ledger's keyset page at 100,000 rows (p95 of the page's
// queries: balance + one page of 50 at random cursors).
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { createDb, migrate, type Db } from "@/lib/db/client";
import { ensureOrganisation } from "@/lib/db/queries/organisations";
import { appendLedger, ledgerBalanceFen, ledgerPage } from "@/lib/db/queries/phone";
import { ingestUsage } from "@/lib/phone/ingest";
import { int, percentile, table, verdict } from "./report";

const BATCH = 500;
const BATCHES = 20;
const LEDGER_ROWS = 100_000;
const PAGE_RENDERS = 200;
const TARGETS = { postgres: 5_000, embedded: 2_000, pageP95Ms: 300 };

async function orgWithCredit(db: Db, yuan: string): Promise<string> {
  const id = randomUUID();
  await ensureOrganisation(db, { id, name: `bench ${id.slice(0, 8)}`, ownerUserId: `bench-${id}`, edition: "business" });
  await appendLedger(db, [{ id: randomUUID(), organisationId: id, kind: "topup", amount: yuan, createdAt: new Date() }]);
  return id;
}

async function ledgerRows(db: Db, organisationId: string): Promise<number> {
  const page = await ledgerPage(db, { organisationId, limit: 1 });
  return page[0]?.seq ?? 0;
}

async function ingestion(db: Db) {
  const organisationId = await orgWithCredit(db, "100000000.00");
  const now = new Date();
  const kinds = ["dial_in_toll", "dial_in_toll_free", "call_me"] as const;
  const batches = Array.from({ length: BATCHES }, (_, b) =>
    Array.from({ length: BATCH }, (_, i) => ({
      callId: `c-${b}-${i}`,
      kind: kinds[i % 3],
      country: "CN",
      startedAt: new Date(now.getTime() - (i % 30) * 86_400_000).toISOString(),
      durationSeconds: 30 + ((b * BATCH + i) % 3600),
    })),
  );
  const t0 = performance.now();
  for (const records of batches) await ingestUsage(db, { organisationId, records, now });
  const seconds = (performance.now() - t0) / 1000;
  const before = await ledgerRows(db, organisationId);
  const balanceBefore = await ledgerBalanceFen(db, { organisationId });
  for (const records of batches) await ingestUsage(db, { organisationId, records, now });
  const added =
    (await ledgerRows(db, organisationId)) === before && (await ledgerBalanceFen(db, { organisationId })) === balanceBefore ? 0 : -1;
  return { perSecond: (BATCH * BATCHES) / seconds, replayAdded: added };
}

async function ledgerPages(db: Db) {
  const organisationId = await orgWithCredit(db, "1.00");
  const now = Date.now();
  for (let i = 0; i < LEDGER_ROWS; i += 5000)
    await appendLedger(
      db,
      Array.from({ length: Math.min(5000, LEDGER_ROWS - i) }, (_, j) => ({
        id: randomUUID(),
        organisationId,
        kind: "adjustment" as const,
        amount: "0.01",
        note: `row ${i + j}`,
        createdAt: new Date(now - (LEDGER_ROWS - i - j) * 1000),
      })),
    );
  const top = await ledgerRows(db, organisationId);
  const times: number[] = [];
  for (let i = 0; i < PAGE_RENDERS; i++) {
    const before = i === 0 ? undefined : Math.floor(Math.random() * top) + 1;
    const t0 = performance.now();
    await Promise.all([ledgerBalanceFen(db, { organisationId }), ledgerPage(db, { organisationId, before, limit: 51 })]);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p95: percentile(times, 95), p50: percentile(times, 50) };
}

/** Runs the phone benchmarks and prints their table; answers whether every target was met. */
export async function benchPhone(): Promise<boolean> {
  const rows = [["Phone measure", "Value", "Unit", "Target", "Result"]];
  const results: boolean[] = [];
  const backends: { name: string; url: string; target: number }[] = [{ name: "embedded", url: "memory://", target: TARGETS.embedded }];
  if (process.env.BENCH_PHONE_DATABASE_URL)
    backends.push({ name: "postgres", url: process.env.BENCH_PHONE_DATABASE_URL, target: TARGETS.postgres });
  for (const backend of backends) {
    process.stderr.write(
      `Phone: ${BATCHES} × ${BATCH} call records on ${backend.name}, then a replay, then ${int(LEDGER_ROWS)} ledger rows …\n`,
    );
    const handle = createDb({ url: backend.url });
    try {
      await migrate(handle.db);
      const ingest = await ingestion(handle.db);
      const pages = await ledgerPages(handle.db);
      const [ingestPass, replayPass, pagePass] = [
        ingest.perSecond >= backend.target,
        ingest.replayAdded === 0,
        pages.p95 <= TARGETS.pageP95Ms,
      ];
      results.push(ingestPass, replayPass, pagePass);
      rows.push(
        [`${backend.name} usage ingested and rated`, int(ingest.perSecond), "records/s", `>= ${int(backend.target)}`, verdict(ingestPass)],
        [`${backend.name} ledger rows added by a replay`, String(ingest.replayAdded), "rows", "0", verdict(replayPass)],
        [`${backend.name} ledger page at 100k rows p50`, pages.p50.toFixed(1), "ms", "", ""],
        [`${backend.name} ledger page at 100k rows p95`, pages.p95.toFixed(1), "ms", `<= ${TARGETS.pageP95Ms}`, verdict(pagePass)],
      );
    } finally {
      await handle.close();
    }
  }
  if (!process.env.BENCH_PHONE_DATABASE_URL) rows.push(["postgres (set BENCH_PHONE_DATABASE_URL)", "skipped", "", "", ""]);
  console.log("");
  console.log(table(rows));
  return results.every(Boolean);
}
