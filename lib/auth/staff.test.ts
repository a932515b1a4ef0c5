import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { findPasswordHash, findUserByEmail, listStaff, setDiscountLimit } from "@/lib/db/queries/users";
import { migratedDb, testBackend } from "@/lib/db/testing";
import { createAuth, type Auth } from "./auth";
import { createSalesAccount } from "./staff";
import { ensureOperator } from "./operator";

let handle: DbHandle;
let auth: Auth;
let n = 0;
const freshEmail = () => `staff${++n}@example.com`;
const signIn = (email: string, password: string) => auth.api.signInEmail({ body: { email, password } });

beforeAll(async () => {
  handle = await migratedDb();
  auth = createAuth(handle.db, { secret: "test-secret-that-is-long-enough-0123456789" });
});
afterAll(async () => handle.close());

describe(`createSalesAccount (${testBackend})`, () => {
  it("creates a sales account with the given limit that signs in with the password, without returning a session", async () => {
    const email = freshEmail();
    const result = await createSalesAccount(auth, handle.db, {
      name: "张三",
      email: ` ${email.toUpperCase()} `,
      password: "sales-password-1",
      discountLimitPercent: 12,
    });
    expect(result).toMatchObject({ ok: true, name: "张三", email });
    expect(await handle.db.query.session.findMany()).toEqual([]);

    const signedIn = await signIn(email, "sales-password-1");
    expect(signedIn.user).toMatchObject({ email, name: "张三", role: "sales", discountLimitPercent: 12 });
    await expect(signIn(email, "wrong-password")).rejects.toThrow();
    const hash = await findPasswordHash(handle.db, { userId: signedIn.user.id });
    expect(hash).toBeTruthy();
    expect(hash).not.toContain("sales-password-1");
  });

  it("refuses an email that already has a buyer account, changing nothing", async () => {
    const email = freshEmail();
    await auth.api.signUpEmail({ body: { email, password: "buyer-password-1", name: "李四" } });
    const before = await findUserByEmail(handle.db, { email });
    const hashBefore = await findPasswordHash(handle.db, { userId: before!.id });

    const result = await createSalesAccount(auth, handle.db, {
      name: "Someone Else",
      email,
      password: "other-password",
      discountLimitPercent: 30,
    });
    expect(result).toEqual({ ok: false, error: "EMAIL_REGISTERED" });
    expect(await findUserByEmail(handle.db, { email })).toMatchObject({ role: "buyer", discountLimitPercent: 15, name: "李四" });
    expect(await findPasswordHash(handle.db, { userId: before!.id })).toBe(hashBefore);
  });

  it("refuses an email that is already a sales or operator account, changing nothing", async () => {
    const sales = freshEmail();
    await createSalesAccount(auth, handle.db, { name: "王五", email: sales, password: "sales-password-1", discountLimitPercent: 10 });
    expect(
      await createSalesAccount(auth, handle.db, { name: "王五", email: sales, password: "other-password", discountLimitPercent: 50 }),
    ).toEqual({ ok: false, error: "ALREADY_STAFF" });
    expect(await findUserByEmail(handle.db, { email: sales })).toMatchObject({ role: "sales", discountLimitPercent: 10 });

    const operator = freshEmail();
    await ensureOperator(auth, handle.db, { email: operator, password: "ops-password-1", name: "Ops" });
    expect(
      await createSalesAccount(auth, handle.db, { name: "Ops", email: operator, password: "other-password", discountLimitPercent: 5 }),
    ).toEqual({ ok: false, error: "ALREADY_STAFF" });
    expect((await findUserByEmail(handle.db, { email: operator }))?.role).toBe("operator");
  });
});

describe(`staff queries (${testBackend})`, () => {
  it("lists sales and operator accounts but not buyers, and sets limits on sales accounts only", async () => {
    const buyer = freshEmail();
    await auth.api.signUpEmail({ body: { email: buyer, password: "buyer-password-1", name: "Buyer" } });
    const sales = freshEmail();
    const created = await createSalesAccount(auth, handle.db, {
      name: "Sales",
      email: sales,
      password: "sales-password-1",
      discountLimitPercent: 15,
    });
    const operator = freshEmail();
    const ops = await ensureOperator(auth, handle.db, { email: operator, password: "ops-password-1", name: "Ops" });

    const staff = await listStaff(handle.db);
    const emails = staff.map((s) => s.email);
    expect(emails).toEqual(expect.arrayContaining([sales, operator]));
    expect(emails).not.toContain(buyer);
    const roles = staff.map((s) => s.role);
    expect(roles).toEqual([...roles].sort()); // operators, then sales

    if (!created.ok) throw new Error("not created");
    expect(await setDiscountLimit(handle.db, { id: created.id, percent: 20 })).toMatchObject({ email: sales, discountLimitPercent: 20 });
    expect(await setDiscountLimit(handle.db, { id: ops.id, percent: 20 })).toBeUndefined();
    const buyerRow = await findUserByEmail(handle.db, { email: buyer });
    expect(await setDiscountLimit(handle.db, { id: buyerRow!.id, percent: 20 })).toBeUndefined();
    expect(await setDiscountLimit(handle.db, { id: "no-such-id", percent: 20 })).toBeUndefined();
    await expect(setDiscountLimit(handle.db, { id: created.id, percent: 101 })).rejects.toThrow();
  });
});
