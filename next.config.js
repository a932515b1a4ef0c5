import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and pdfkit reads its font data from its own folder: both must be loaded by Node, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit"],
  poweredByHeader: false,
  // Every server action is a public endpoint: a checkout is a few kilobytes, so anything past this is refused with 413 unread.
  experimental: { serverActions: { bodySizeLimit: "256kb" } },
  // A quote link's token is its key: never sent on as a Referer, never indexed.
  async headers() {
    return [
      {
        source: "/q/:path*",
        headers: [
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Robots-Tag", value: "noindex" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
