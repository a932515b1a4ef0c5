import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// Process-level tests that need the production build (`next start`): `npm test` runs them after `next build`.
// The scale-out test needs a PostgreSQL: without TEST_DATABASE_URL or DATABASE_URL (a laptop) it is left out here;
// .ci/run runs it as its own step with one, and it fails loudly when run without.
const postgres = !!(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["scripts/**/*.process.test.ts"],
    exclude: ["**/node_modules/**", ...(postgres ? [] : ["scripts/scale-out.process.test.ts"])],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
