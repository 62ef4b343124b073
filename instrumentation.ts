/**
 * Runs once when a server process starts (not during `next build`): refuses to serve production
 * without the server edge, brings the database schema up to date and mirrors content/ courses
 * into it (both idempotent, so every node of a scaled-out deployment may run them), starts the
 * simulation pool, and registers what the server edge closes at shutdown
 * (lib/http/app-lifecycle.ts).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  await refuseWithoutEdge();
  const { prepareDatabase } = await import("./lib/notebook/prepare-database");
  await prepareDatabase();
  const { startAppServices } = await import("./lib/http/app-lifecycle");
  startAppServices();
}

/**
 * `next start` (or Next's standalone server) has no edge to stamp client addresses: every
 * request would be refused (lib/http/client-key.ts). Say so once, at start, and do not serve.
 */
async function refuseWithoutEdge(): Promise<void> {
  if (process.env.NODE_ENV !== "production") return;
  const { stampingStarted } = await import("./lib/http/edge-stamp.mjs");
  if (stampingStarted()) return;
  console.error(
    "error: Ketbook must be served through its own server edge, which gives every request its " +
      "client's address: serve it with `npm start` (node lib/http/server.mjs), not `next start` " +
      "or Next's standalone server.",
  );
  process.exit(1);
}
