// @ts-check
/**
 * Routes the server edge (lib/http/edge.mjs) answers itself, without Next's request pipeline.
 *
 * A route handler behind Next pays for routing, the proxy, tracing and conversions between Node
 * and web streams, Request and Response: about 1 ms of the main thread per request, several
 * times what POST /api/run itself does with a 5-qubit circuit. The hot JSON routes are written
 * as a function of what they read, a JsonCall (headers, body, abort signal) to a JsonAnswer
 * (status, JSON value, headers) — lib/http/json-body.ts — and the app registers that function
 * here at start-up (app/api/edge-routes.ts). The edge calls it straight from the socket; Next's
 * route handler calls the same function, so tests of the route test what the edge serves.
 *
 * The edge and the app meet on one process-wide record under a registered symbol, as in
 * shutdown.mjs: Next bundles the app with its own copy of this module.
 *
 * Plain JavaScript (typed by edge-routes.d.mts) because the edge runs without a TypeScript
 * transform.
 */

/** @typedef {import("node:http").IncomingMessage} IncomingMessage */
/** @typedef {import("node:http").ServerResponse} ServerResponse */
/** @typedef {{ headers: Headers, body: Uint8Array, signal: AbortSignal }} JsonCall */
/**
 * @typedef {{ status: number, body: unknown, headers?: Readonly<Record<string, string>> }} JsonAnswer
 */
/**
 * @typedef {object} EdgeRoute
 * @property {(call: JsonCall) => Promise<JsonAnswer>} answer never throws: errors are answers
 * @property {number} maxBodyBytes the route's own body limit: the edge buffers at most one byte
 *   more, so the route sees the overflow and refuses it with its own message
 */

const KEY = Symbol.for("ketbook.edge-routes");

/** @returns {Map<string, EdgeRoute>} */
function routes() {
  const holder = /** @type {Record<symbol, Map<string, EdgeRoute> | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  return (holder[KEY] ??= new Map());
}

/**
 * Has the edge answer `method` `path` (exact path; any query string) with `route`. Registering
 * the same route again replaces it.
 * @param {string} method
 * @param {string} path
 * @param {EdgeRoute} route
 */
export function registerEdgeRoute(method, path, route) {
  routes().set(`${method} ${path}`, route);
}

/** Forgets every edge route (tests). */
export function clearEdgeRoutes() {
  routes().clear();
}

/**
 * The edge route for this request, if one is registered.
 * @param {IncomingMessage} req
 * @returns {EdgeRoute | undefined}
 */
export function findEdgeRoute(req) {
  const table = routes();
  if (table.size === 0 || !req.url) return undefined;
  const query = req.url.indexOf("?");
  const path = query < 0 ? req.url : req.url.slice(0, query);
  return table.get(`${req.method} ${path}`);
}

/**
 * Serves `req` with `route`: reads the body (at most maxBodyBytes + 1 bytes), gives the route a
 * JsonCall whose signal aborts when the client goes away, and writes its answer as JSON.
 * @param {EdgeRoute} route
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 */
export async function serveEdgeRoute(route, req, res) {
  const { body, complete } = await readBody(req, route.maxBodyBytes + 1);
  // Unread bytes are left on the connection: it cannot carry another request.
  if (!complete) res.setHeader("connection", "close");
  const aborted = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) aborted.abort();
  });
  const answer = await route.answer({
    headers: requestHeaders(req),
    body,
    signal: aborted.signal,
  });
  const json = Buffer.from(JSON.stringify(answer.body));
  res.writeHead(answer.status, {
    ...answer.headers,
    "content-type": "application/json",
    "content-length": String(json.byteLength),
  });
  res.end(json);
}

/**
 * Node's parsed headers, as the handler behind Next would see them: repeated headers joined, and
 * the identity headers as the edge stamped them (client-sent copies overwritten).
 * @param {IncomingMessage} req
 */
function requestHeaders(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * The request's body, at most `limit` bytes of it; `complete` is false when more was left unread
 * (or the client went away before sending it all).
 * @param {IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<{ body: Buffer, complete: boolean }>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let settled = false;
    const finish = (/** @type {boolean} */ complete) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      if (!complete) req.pause();
      resolve({ body: Buffer.concat(chunks, size).subarray(0, Math.min(size, limit)), complete });
    };
    const onData = (/** @type {Buffer} */ chunk) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= limit) finish(false);
    };
    req.on("data", onData);
    req.once("end", () => finish(true));
    req.once("close", () => finish(false));
    // Kept after the body is read: an error nobody listens for would end the process.
    req.on("error", (error) => {
      if (!settled) reject(error);
    });
  });
}
