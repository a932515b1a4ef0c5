import createNextIntlPlugin from "next-intl/plugin";

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
  // Responses are compressed by lib/http/page-responses.ts instead, under its rewrite of each page's HTML.
  compress: false,
  // Every server action is a public endpoint: a checkout is a few kilobytes, so anything past this is refused with 413 unread.
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  // A quote link's token is its key: never indexed. Its no-referrer policy and every other security
  // header are set per request by lib/http/secure-requests.ts (lib/security/headers.ts).
  async headers() {
    return [{ source: "/q/:path*", headers: [{ key: "X-Robots-Tag", value: "noindex" }] }];
  },
};

export default withNextIntl(nextConfig);
