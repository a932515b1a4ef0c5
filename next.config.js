import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and pdfkit reads its font data from its own folder: both must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  poweredByHeader: false,
  // A quote link's token is its key: never indexed. Its no-referrer policy and every other security
  // header are set per request by proxy.ts (lib/security/headers.ts).
  async headers() {
    return [
      {
        source: "/q/:path*",
        headers: [{ key: "X-Robots-Tag", value: "noindex" }],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
