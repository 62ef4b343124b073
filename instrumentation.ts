/**
 * Runs once when a server process starts (not during `next build`): refuses to serve production
 * without the server edge (lib/http/require-edge.ts), brings the database schema up to date and
 * mirrors content/ courses into it (both idempotent, so every node of a scaled-out deployment may
 * run them), starts the simulation pool, registers what the server edge closes at shutdown
 * (lib/http/app-lifecycle.ts), hands the hot API routes to the server edge (app/api/edge-routes.ts)
 * and warms the content caches in the background (lib/cache).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { requireServerEdge } = await import("./lib/http/require-edge");
  requireServerEdge();
  const { prepareDatabase } = await import("./lib/notebook/prepare-database");
  await prepareDatabase();
  const { startAppServices } = await import("./lib/http/app-lifecycle");
  startAppServices();
  // Production only: in development a route reloads when edited, and the edge's copy would not.
  if (process.env.NODE_ENV === "production") {
    const { registerEdgeRoutes } = await import("./app/api/edge-routes");
    registerEdgeRoutes();
  }
  const { warmUp } = await import("./lib/cache/warm-up");
  warmUp();
}
