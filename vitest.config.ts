import { defineConfig, type Plugin } from "vitest/config";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import catalogLoader from "next-intl/extractor/catalogLoader";

const require = createRequire(import.meta.url);
// This project's message files (the folder next.config.js gives the loader), none of any package's.
const MESSAGES = fileURLToPath(new URL("./messages/", import.meta.url));

/**
 * The message files as the production build has them: next.config.js precompiles every ICU message
 * (next-intl's `experimental.messages.precompile`) and formats them with use-intl's format-only
 * formatter. Tests run that same loader and formatter, so a message read raw or formatted by hand
 * fails here as it would in production.
 */
function precompiledMessages(): Plugin {
  return {
    name: "precompiled-messages",
    enforce: "pre",
    transform(source, id) {
      if (!id.startsWith(MESSAGES) || !id.endsWith(".json")) return null;
      return new Promise((resolve, reject) => {
        const context = {
          getOptions: () => ({ messages: { format: "json", precompile: true } }),
          // The loader writes a module (`export default JSON.parse("…")`); Vite's JSON plugin after this one wants the JSON.
          async: () => (error: Error | null, module?: string) =>
            error ? reject(error) : resolve({ code: JSON.parse(/^export default JSON\.parse\((.*)\);$/s.exec(module!)![1]!), map: null }),
          resourcePath: id,
          rootContext: process.cwd(),
        };
        (catalogLoader as unknown as (this: typeof context, source: string) => void).call(context, source);
      });
    },
  };
}

export default defineConfig({
  plugins: [precompiledMessages()],
  resolve: {
    tsconfigPaths: true,
    alias: {
      // `server-only` throws outside Next's server bundle; tests run the same code in plain Node.
      "server-only": fileURLToPath(new URL("./lib/testing/empty.ts", import.meta.url)),
      // What next.config.js's precompile option aliases it to.
      "use-intl/format-message": require.resolve("use-intl/format-message/format-only"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
    // These need the production build: vitest.process.config.ts runs them after `next build`.
    exclude: ["**/node_modules/**", "scripts/**/*.process.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Bundled (not loaded by Node) so the formatter alias above reaches their own imports.
    server: { deps: { inline: ["use-intl", "next-intl"] } },
  },
});
