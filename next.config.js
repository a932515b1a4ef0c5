import createNextIntlPlugin from "next-intl/plugin";
import { BODY_REQUEST_HEADERS } from "./lib/security/static-headers.mjs";

// Messages are precompiled by the build (icu-minify) and formatted by use-intl's format-only formatter, so no
// page ships an ICU parser; a message with arguments is then not a string (README, "Messages sent per page").
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and pdfkit reads its font data from its own folder: both must be loaded by Node, not bundled;
  // pg-boss (the job queue on PostgreSQL) loads its SQL plans and pg at run time, like pg itself; Tailwind (the
  // stylesheet is compiled by the server, lib/styles/compile.ts) loads its native scanner and Lightning CSS.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "pg-boss", "postcss", "@tailwindcss/postcss", "tailwindcss", "lightningcss"],
  poweredByHeader: false,
  // Every server action is a public endpoint: a checkout is a few kilobytes, so anything past this is refused with 413 unread.
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  // A quote link's token is its key: never indexed. Its no-referrer policy and every other security
  // header are set per request by proxy.ts (lib/security/headers.ts), which skips requests with a
  // body; those get the request-independent ones here.
  async headers() {
    const bodyHeaders = Object.entries(BODY_REQUEST_HEADERS).map(([key, value]) => ({ key, value }));
    return [
      {
        source: "/q/:path*",
        headers: [{ key: "X-Robots-Tag", value: "noindex" }],
      },
      { source: "/:path*", has: [{ type: "header", key: "content-length" }], headers: bodyHeaders },
      { source: "/:path*", has: [{ type: "header", key: "transfer-encoding" }], headers: bodyHeaders },
    ];
  },
};

export default withNextIntl(nextConfig);
