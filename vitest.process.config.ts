import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// Process-level tests that need the production build (`next start`): `npm test` runs them after `next build`.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["scripts/**/*.process.test.ts"],
    environment: "node",
    testTimeout: 300_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
