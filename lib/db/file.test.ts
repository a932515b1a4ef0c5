import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import { createDb, getDb, migrate } from "./client";
import { listCatalogVersions } from "./queries/catalog-versions";
import { seed } from "./seed";

const root = mkdtempSync(path.join(tmpdir(), "db-file-test-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Opening an on-disk PGlite folder and migrating it twice takes ~5 s on an idle box and far more
// on a loaded one (CI shares two cores with the build): allow it, the assertions are unchanged.
const ON_DISK_TIMEOUT = 120_000;

describe("PGlite in a data folder", () => {
  it(
    "keeps data across close and reopen, creating missing parent folders",
    async () => {
      const dataDir = path.join(root, "nested", "data");
      const first = createDb({ dataDir });
      await migrate(first.db);
      await seed(first.db);
      await first.close();

      const second = createDb({ dataDir });
      try {
        await migrate(second.db);
        const rows = await listCatalogVersions(second.db);
        expect(rows.map((r) => r.version)).toEqual([catalog.version]);
      } finally {
        await second.close();
      }
    },
    ON_DISK_TIMEOUT,
  );

  it(
    "getDb shares one migrated, seeded instance between concurrent first callers",
    async () => {
      const saved = { url: process.env.DATABASE_URL, dir: process.env.DATA_DIR };
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = path.join(root, "singleton");
      try {
        const [a, b] = await Promise.all([getDb(), getDb()]);
        expect(a).toBe(b);
        expect(await getDb()).toBe(a);
        expect((await listCatalogVersions(a)).map((r) => r.version)).toEqual([catalog.version]);
        await (a as unknown as { $client: { close(): Promise<void> } }).$client.close();
      } finally {
        if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
        if (saved.dir === undefined) delete process.env.DATA_DIR;
        else process.env.DATA_DIR = saved.dir;
      }
    },
    ON_DISK_TIMEOUT,
  );
});
