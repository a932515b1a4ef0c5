import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and pdfkit reads its font data from its own folder: both must be loaded by Node, not bundled;
  // pg-boss (the job queue on PostgreSQL) loads its SQL plans and pg at run time, like pg itself.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "pg-boss"],
  poweredByHeader: false,
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
