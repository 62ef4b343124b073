/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Separate build folders let several builds (e.g. a benchmark and the e2e server) coexist.
  distDir: process.env.KETBOOK_DIST_DIR || ".next",
  poweredByHeader: false,
  // Native-ish database drivers load their own files at run time; keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres"],
  // Security headers that never vary, on every response (static files included). The
  // Content-Security-Policy varies (a nonce per request): proxy.ts sets it.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
      {
        // Only when the client came over HTTPS, as the server edge determined from the socket or
        // a trusted proxy (lib/http/client-address.mjs): over plain HTTP the header is ignored at
        // best, and it would pin a development host to HTTPS at worst.
        source: "/:path*",
        has: [{ type: "header", key: "x-ketbook-client-protocol", value: "https" }],
        headers: [
          { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" },
        ],
      },
    ];
  },
  typescript: {
    // `npm test` runs `tsc --noEmit` itself; the build need not do it twice.
    ignoreBuildErrors: true,
  },
};

export default nextConfig;
