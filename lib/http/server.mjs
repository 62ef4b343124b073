// @ts-check
/**
 * `npm start` / `npm run serve` / `npm run dev`: Ketbook served through its own HTTP edge
 * (lib/http/edge.mjs) around Next's request handler, so every request carries a client address
 * taken from the socket (see lib/http/client-address.mjs) and the process shuts down gracefully.
 * Plain JavaScript: it starts with Node alone, no TypeScript transform.
 *
 * Environment: PORT (default 3000; 0 picks a free port), HOSTNAME (the interface to listen on;
 * default all), KETBOOK_TRUSTED_PROXY_HOPS, KETBOOK_SIM_DEADLINE_MS and KETBOOK_EXPERIMENT_DEADLINE_MS (the
 * shutdown grace covers the longer), KETBOOK_HTTP_PROCESSES (app processes sharing the port, or
 * `auto` for one per core; more than one needs DATABASE_URL; see lib/http/processes.mjs).
 * `--dev` serves the development build with hot reload.
 */
import cluster from "node:cluster";

import {
  acquireDataDirLock,
  DatabaseInUseError,
  embeddedDatabaseDir,
} from "../../db/data-dir-lock.mjs";

import { trustedProxyHops } from "./client-address.mjs";
import { createEdgeServer, shutdownGraceMs, shutdownOnSignals } from "./edge.mjs";
import { httpProcessCount, processCountProblem, runPrimary } from "./processes.mjs";

const dev = process.argv.includes("--dev");
// As `next start` / `next dev` do: the mode decides NODE_ENV (a test runner's "test" must not leak
// in). Set before Next is loaded, as parts of it read NODE_ENV on load.
Object.assign(process.env, { NODE_ENV: dev ? "development" : "production" });

const processes = dev ? 1 : countProcesses();
if (processes > 1 && cluster.isPrimary) {
  runPrimary(processes);
} else {
  await serve();
}

/** KETBOOK_HTTP_PROCESSES, or the reason it cannot be used and exit 1. */
function countProcesses() {
  try {
    const count = httpProcessCount(process.env);
    const problem = processCountProblem(count, process.env);
    if (problem) throw new Error(problem);
    return count;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
async function serve() {
  const port = Number(process.env.PORT ?? 3000);
  const listenHost = process.env.HOSTNAME || undefined;
  const hops = trustedProxyHops(process.env.KETBOOK_TRUSTED_PROXY_HOPS);
  const graceMs = shutdownGraceMs(process.env);

  // The embedded database is single-process: refuse to start beside another process that has it
  // (the app's own database client, in this process, shares this lock).
  let databaseLock = { release() {} };
  if (!process.env.DATABASE_URL) {
    try {
      databaseLock = acquireDataDirLock(embeddedDatabaseDir());
    } catch (error) {
      if (!(error instanceof DatabaseInUseError)) throw error;
      console.error(`error: ${error.message}`);
      process.exit(1);
    }
  }

  const { default: next } = await import("next");
  /** @type {import("./edge.mjs").RequestHandler} */
  let handle = () => {
    throw new Error("a request arrived before Next was ready");
  };
  const edge = createEdgeServer((req, res) => handle(req, res), { trustedHops: hops });
  const app = next({
    dev,
    dir: process.cwd(),
    hostname: listenHost ?? "localhost",
    port,
    httpServer: edge.server,
  });
  await app.prepare();
  handle = app.getRequestHandler();
  shutdownOnSignals(edge, {
    graceMs,
    close: async () => {
      await app.close();
      databaseLock.release();
    },
  });

  edge.server.listen(port, listenHost, () => {
    const address = edge.server.address();
    const actualPort = typeof address === "object" && address ? address.port : port;
    console.log(
      `Ketbook ${dev ? "development" : "production"} server ready on http://${listenHost ?? "localhost"}:${actualPort}` +
        ` (trusted proxy hops: ${hops})`,
    );
  });
}
