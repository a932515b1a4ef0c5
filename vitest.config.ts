import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    tsconfigPaths: true,
    // `server-only` throws outside Next's server bundle; tests run the same code in plain Node.
    alias: { "server-only": fileURLToPath(new URL("./lib/testing/empty.ts", import.meta.url)) },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    // These need the production build: vitest.process.config.ts runs them after `next build`.
    exclude: ["**/node_modules/**", "scripts/**/*.process.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
