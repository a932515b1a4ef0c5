// `npm run create-operator -- --email ops@example.com --password 'at-least-8' [--name Ops]`
// Creates an operator account (or promotes an existing account, leaving its password alone) in
// the database the app uses: PostgreSQL at DATABASE_URL, else PGlite in DATA_DIR (./.data).
// PGlite allows one process per data folder: while a server runs on it, this refuses, naming the server's pid.
import { parseArgs } from "node:util";
import { authOptionsFromEnv, createAuth } from "@/lib/auth/auth";
import { ensureOperator } from "@/lib/auth/operator";
import { signUpSchema } from "@/lib/auth/validation";
import { createDb, migrate, type DbHandle } from "@/lib/db/client";
import { DataDirLockedError } from "@/lib/db/lock.mjs";
import { env } from "@/lib/env";
import en from "@/messages/auth/en.json" with { type: "json" };

const USAGE = "usage: npm run create-operator -- --email <email> --password <8+ characters> [--name <name>]";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    name: { type: "string", default: "Operator" },
    help: { type: "boolean" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const parsed = signUpSchema.safeParse(values);
if (!parsed.success) {
  const text = (key: string) => en.Auth.errors[key.replace("Auth.errors.", "") as keyof typeof en.Auth.errors] ?? key;
  const problems = parsed.error.issues.map((i) => `  --${i.path.join(".")}: ${text(i.message)}`);
  console.error(`${USAGE}\n${problems.join("\n")}`);
  process.exit(2);
}

const e = env();
if (!e.DATABASE_URL) console.log(`Using the embedded database in ${e.DATA_DIR} (the server must not be running on it).`);
let handle: DbHandle;
try {
  handle = createDb({ url: e.DATABASE_URL, dataDir: e.DATA_DIR });
} catch (error) {
  console.error(error instanceof DataDirLockedError ? error.message : error);
  process.exit(1);
}
try {
  await migrate(handle.db);
  const auth = createAuth(handle.db, authOptionsFromEnv(e));
  const result = await ensureOperator(auth, handle.db, parsed.data);
  console.log(
    result.created
      ? `Created operator ${result.email} (${result.id}).`
      : `Promoted ${result.email} (${result.id}) to operator; its password is unchanged.`,
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
