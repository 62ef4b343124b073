import "server-only";

import { stampingStarted } from "./edge-stamp.mjs";

/**
 * Production start-up stops here unless the server edge (lib/http/edge.mjs) serves this process:
 * under `next start` or Next's standalone server nothing stamps client addresses, so every request
 * would be refused (lib/http/client-key.ts). Saying so once, at start, is clearer for whoever runs
 * it. A module of its own so instrumentation.ts, also compiled for the Edge runtime, holds no
 * Node-only call.
 */
export function requireServerEdge(): void {
  if (process.env.NODE_ENV !== "production" || stampingStarted()) return;
  console.error(
    "error: Ketbook must be served through its own server edge, which gives every request its " +
      "client's address: serve it with `npm start` (node lib/http/server.mjs), not `next start` " +
      "or Next's standalone server.",
  );
  process.exit(1);
}
