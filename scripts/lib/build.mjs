// Builds the production app when no build exists or the sources changed since the last one.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const SOURCES = ["app", "components", "lib", "messages", "public"];
const FILES = ["package-lock.json", "next.config.js", "tailwind.config.ts", "postcss.config.mjs", "tsconfig.json"];
const STAMP = ".next/quorum-source-hash";

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else if (!/\.test\.tsx?$/.test(name)) yield path;
  }
}

/** A hash of everything the production build is made from. */
export function sourceHash() {
  const hash = createHash("sha256");
  for (const path of [...SOURCES.flatMap((d) => [...walk(d)]), ...FILES.filter(existsSync)]) {
    hash.update(path).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.digest("hex");
}

/** Runs `next build` unless `.next` already holds a build of the current sources. */
export function ensureBuild() {
  const hash = sourceHash();
  if (existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === hash) return;
  console.log("Building the production app (first start, or the sources changed)…");
  const result = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, hash);
}
