// `npm start`: build when needed, then serve the production app on PORT (default 3000).
// The database in DATA_DIR (or DATABASE_URL) is created, migrated and seeded as the server starts.
import { spawn } from "node:child_process";
import { assertDataDirFree } from "../lib/db/lock.mjs";
import { ensureBuild } from "./lib/build.mjs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// One server per embedded-database folder: refuse before (re)building .next under a running server.
// The server itself takes the lock as it opens the database (lib/db/client.ts).
if (!process.env.DATABASE_URL) {
  try {
    assertDataDirFree(process.env.DATA_DIR || "./.data");
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
ensureBuild();
const port = process.env.PORT || "3000";
const server = spawn("node_modules/.bin/next", ["start", "-p", port], { stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
