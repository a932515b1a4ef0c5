import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "../client";
import { leads } from "../schema";
import { migratedDb, testBackend } from "../testing";
import { createLead, getLead, listLeads, type CreateLeadParams } from "./leads";

const lead = (change: Partial<CreateLeadParams> = {}): CreateLeadParams => ({
  organisationName: "北京某某科技有限公司",
  contactName: "张三",
  mobile: "13812345678",
  email: "zhang@example.cn",
  interest: "enterprise",
  seats: 600,
  message: "需要 600 个账号",
  locale: "zh-CN",
  idempotencyKey: crypto.randomUUID(),
  ...change,
});

describe(`leads on ${testBackend}`, () => {
  let handle: DbHandle;
  let db: Db;

  // One migrated database for the file (a fresh one costs seconds); each test starts with no leads.
  beforeAll(async () => {
    handle = await migratedDb();
    db = handle.db;
  });
  beforeEach(async () => {
    await db.delete(leads);
  });
  afterAll(async () => {
    await handle.close();
  });

  it("stores a new lead with its id, time and status new", async () => {
    const before = Date.now();
    const { lead: row, created } = await createLead(db, lead());
    expect(created).toBe(true);
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row.status).toBe("new");
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 5000);
    expect(await getLead(db, { id: row.id })).toEqual(row);
  });

  it("keeps optional seats and message empty", async () => {
    const { lead: row } = await createLead(db, lead({ seats: undefined, message: undefined }));
    expect(row).toMatchObject({ seats: null, message: null });
  });

  it("a repeated submission with the same key returns the first lead and stores nothing new", async () => {
    const key = crypto.randomUUID();
    const first = await createLead(db, lead({ idempotencyKey: key }));
    const again = await createLead(db, lead({ idempotencyKey: key, message: "changed" }));
    expect(again).toEqual({ lead: first.lead, created: false });
    expect(await listLeads(db)).toHaveLength(1);
  });

  it("concurrent double submits store one lead", async () => {
    const key = crypto.randomUUID();
    const results = await Promise.all([createLead(db, lead({ idempotencyKey: key })), createLead(db, lead({ idempotencyKey: key }))]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]?.lead.id).toBe(results[1]?.lead.id);
    expect(await listLeads(db)).toHaveLength(1);
  });

  it("lists leads newest first, up to the limit", async () => {
    const names = ["甲公司", "乙公司", "丙公司"];
    for (const organisationName of names) {
      await createLead(db, lead({ organisationName }));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect((await listLeads(db)).map((l) => l.organisationName)).toEqual(["丙公司", "乙公司", "甲公司"]);
    expect((await listLeads(db, { limit: 2 })).map((l) => l.organisationName)).toEqual(["丙公司", "乙公司"]);
  });

  it("finds nothing for an unknown or malformed id", async () => {
    await createLead(db, lead());
    expect(await getLead(db, { id: crypto.randomUUID() })).toBeUndefined();
    expect(await getLead(db, { id: "not-a-uuid'; drop table leads; --" })).toBeUndefined();
  });

  it("the database refuses fewer than one seat and unknown statuses", async () => {
    await expect(createLead(db, lead({ seats: 0 }))).rejects.toThrow();
    await expect(createLead(db, { ...lead(), status: "spam" } as CreateLeadParams)).rejects.toThrow();
  });
});
