// @ts-check
import { createServer } from "node:http";

import compression from "compression";

import { resolveClientAddress, resolveClientProtocol } from "./client-address.mjs";
import { findEdgeRoute, serveEdgeRoute } from "./edge-routes.mjs";
import { stampedIdentityHeaders, startStamping } from "./edge-stamp.mjs";
import { SHUTDOWN_MESSAGE } from "./processes.mjs";
import { markShuttingDown, runShutdownHooks } from "./shutdown.mjs";

/**
 * Ketbook's HTTP edge: a small Node server in front of whatever handles requests (Next's request
 * handler in lib/http/server.mjs, a plain function in tests). It does three things Next cannot:
 *
 * - It knows the socket. Every request gets the client's address and protocol stamped as
 *   headers (lib/http/client-address.mjs), overwriting any copy the client sent, and signed with
 *   this process's key (lib/http/edge-stamp.mjs), so rate limits and sign-in throttling key on an
 *   address no client can choose, and the app can tell a request that bypassed the edge.
 * - It sees every response. Next answers some requests before its own header rules and proxy.ts
 *   run (its trailing-slash and config redirects, static files' 404s); the security headers that
 *   never vary are set here, before Next gets the request, so those answers carry them too.
 * - It compresses answers (Next's own compression is off: `compress: false` in next.config.mjs),
 *   but not small JSON answers, where gzip costs more server time than it saves on the wire
 *   (see shouldCompress).
 * - It answers the few hot JSON routes the app registered with it (lib/http/edge-routes.mjs,
 *   POST /api/run) by calling their handler directly, without Next's pipeline.
 * - It owns the process's lifetime: on SIGTERM/SIGINT it stops accepting connections, lets
 *   in-flight requests finish (up to a grace period), runs the app's shutdown hooks (pool,
 *   database) and exits.
 *
 * Plain JavaScript (typed by edge.d.mts) because it runs without a TypeScript transform.
 */

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {(req: IncomingMessage, res: ServerResponse) => unknown} RequestHandler */

/**
 * Overwrites the client-identity headers of `req` (address, protocol and their signature) from
 * its socket and trusted forwarding headers; returns the protocol.
 * @param {IncomingMessage} req
 * @param {number} trustedHops
 * @returns {"https" | "http"}
 */
export function stampClient(req, trustedHops) {
  const socket = /** @type {Partial<import("node:tls").TLSSocket>} */ (req.socket);
  const address = resolveClientAddress(
    socket.remoteAddress,
    req.headers["x-forwarded-for"],
    trustedHops,
  );
  const protocol = resolveClientProtocol(
    socket.encrypted === true,
    req.headers["x-forwarded-proto"],
    trustedHops,
  );
  Object.assign(req.headers, stampedIdentityHeaders(address, protocol));
  return protocol;
}

/**
 * The policy of responses that proxy.ts does not give a page policy (static files, redirects,
 * 404s of excluded paths): no framing. Nothing about scripts: the same header reaches the worker
 * scripts under /_next/static, and a policy delivered with a worker's script governs the worker.
 */
export const BASELINE_CONTENT_SECURITY_POLICY = "frame-ancestors 'none'";

/**
 * Sets the security headers that do not depend on the response. The Content-Security-Policy is
 * only a baseline: proxy.ts replaces it on pages and API routes with the per-request policy and
 * its nonce (Next sets a header after this, which overwrites it).
 * @param {ServerResponse} res
 * @param {"https" | "http"} protocol how the client reached us, as the edge determined it
 */
export function setSecurityHeaders(res, protocol) {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Content-Security-Policy", BASELINE_CONTENT_SECURITY_POLICY);
  // Only over HTTPS: over plain HTTP browsers ignore it at best, and it would pin a development
  // host to HTTPS at worst.
  if (protocol === "https") {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}

/**
 * Answers of fewer bytes than this are sent as they are, when their length is known up front
 * (static files, and JSON sent in one piece).
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * JSON answers whose length is not known when their headers go out (Next streams route
 * handlers' bodies and drops their Content-Length) are sent uncompressed: the API's JSON answers
 * are small (a run's result is a few KB), and gzip of them cost the server more than the bytes
 * saved are worth. Pages, scripts and styles are compressed, as Next
 * would, when the client accepts it.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export function shouldCompress(req, res) {
  const type = String(res.getHeader("content-type") ?? "");
  if (/^application\/json\b/i.test(type) && !res.hasHeader("content-length")) return false;
  return compression.filter(req, res);
}

const compress = compression({ filter: shouldCompress, threshold: COMPRESSION_THRESHOLD_BYTES });

/**
 * An HTTP server that stamps every request, compresses answers (shouldCompress), sets the constant security headers on every response
 * and counts the requests in flight, so it can drain.
 * @param {RequestHandler} handler
 * @param {{ trustedHops: number }} options
 */
export function createEdgeServer(handler, options) {
  // Before Next loads: its start-up (instrumentation.ts) checks that an edge stamps requests.
  startStamping();
  let inFlight = 0;
  let draining = false;
  /** @type {(() => void) | undefined} */
  let onIdle;

  const server = createServer((req, res) => {
    inFlight++;
    // A request that arrives on a kept-alive connection while draining is still served, but its
    // connection is not kept: the client reconnects, to another node.
    if (draining) res.setHeader("connection", "close");
    res.once("close", () => {
      inFlight--;
      if (draining) server.closeIdleConnections();
      if (inFlight === 0) onIdle?.();
    });
    setSecurityHeaders(res, stampClient(req, options.trustedHops));
    const route = findEdgeRoute(req);
    // Edge routes answer small JSON, which is never compressed (see shouldCompress).
    if (!route) compress(req, res, () => {});
    Promise.resolve()
      .then(() => (route ? serveEdgeRoute(route, req, res) : handler(req, res)))
      .catch((error) => {
        console.error("unhandled error while serving", req.method, req.url, error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end("Internal Server Error");
      });
  });

  return {
    server,
    /** Requests received and not yet answered. */
    inFlight: () => inFlight,
    /**
     * Stops accepting connections and waits for in-flight requests, at most `graceMs`; then
     * closes every connection. Resolves to whether all requests finished in time.
     * @param {number} graceMs
     * @returns {Promise<boolean>}
     */
    drain(graceMs) {
      draining = true;
      server.close();
      server.closeIdleConnections();
      return new Promise((resolve) => {
        /** @param {boolean} inTime */
        const finish = (inTime) => {
          clearTimeout(timer);
          onIdle = undefined;
          server.closeAllConnections();
          resolve(inTime);
        };
        const timer = setTimeout(() => finish(false), graceMs);
        onIdle = () => finish(true);
        if (inFlight === 0) finish(true);
      });
    },
  };
}

/** @typedef {ReturnType<typeof createEdgeServer>} EdgeServer */
/**
 * @typedef {object} ShutdownOptions
 * @property {number} graceMs How long in-flight requests may run on after the signal.
 * @property {() => Promise<void>} [close] Closes what the entry owns (Next itself), after the app's hooks.
 * @property {(message: string) => void} [log]
 */

/**
 * How long a shutdown waits for in-flight work. Work stops at its own deadline (the pool's hard
 * stop comes a second later): circuit runs at KETBOOK_SIM_DEADLINE_MS (10 s), experiments at
 * KETBOOK_EXPERIMENT_DEADLINE_MS (60 s). The grace covers the longer, and 3 s more lets the
 * answers reach their clients.
 * @param {Record<string, string | undefined>} env
 */
export function shutdownGraceMs(env) {
  const deadline = (/** @type {string} */ name, /** @type {number} */ fallback) =>
    Number(env[name] ?? fallback);
  return (
    Math.max(
      deadline("KETBOOK_SIM_DEADLINE_MS", 10_000),
      deadline("KETBOOK_EXPERIMENT_DEADLINE_MS", 60_000),
    ) + 3_000
  );
}

/**
 * Shuts the process down gracefully on the first SIGTERM or SIGINT, or when its primary asks
 * (exit 0 when everything closed cleanly, 1 otherwise); a second signal exits at once.
 * @param {EdgeServer} edge
 * @param {ShutdownOptions} options
 */
export function shutdownOnSignals(edge, options) {
  const log = options.log ?? ((message) => console.log(message));
  let started = false;
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    if (started) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    started = true;
    log(`${signal}: finishing ${edge.inFlight()} request(s), then shutting down`);
    void shutdown(edge, options, log).then((code) => process.exit(code));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  // One of several app processes (lib/http/processes.mjs): the primary asks by message, which
  // also arrives when the terminal's signal already reached this process, so it is no "again".
  if (process.send) {
    process.on("message", (message) => {
      if (message !== SHUTDOWN_MESSAGE || started) return;
      started = true;
      log(`asked to shut down: finishing ${edge.inFlight()} request(s)`);
      void shutdown(edge, options, log).then((code) => process.exit(code));
    });
  }
}

/**
 * @param {EdgeServer} edge
 * @param {ShutdownOptions} options
 * @param {(message: string) => void} log
 * @returns {Promise<number>} the exit code
 */
async function shutdown(edge, options, log) {
  markShuttingDown();
  const inTime = await edge.drain(options.graceMs);
  if (!inTime) log(`requests still running after ${options.graceMs} ms were cut off`);
  const errors = await runShutdownHooks();
  try {
    await options.close?.();
  } catch (error) {
    errors.push(error);
  }
  for (const error of errors) console.error("error while shutting down", error);
  log(errors.length === 0 ? "shut down cleanly" : "shut down with errors");
  return errors.length === 0 ? 0 : 1;
}
