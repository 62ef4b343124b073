// @ts-check
/**
 * The graceful-shutdown handshake between the server edge (lib/http/edge.mjs, plain Node) and the
 * app inside Next (instrumentation.ts, /api/health). Next bundles the app separately, so the two
 * cannot share a module instance: they meet on one process-wide record under a registered symbol.
 *
 * The app registers what must be closed last (the simulation pool, the database); the edge runs
 * those hooks once in-flight requests are done, and flags the shutdown first so /api/health
 * answers 503 and load balancers stop sending traffic meanwhile.
 */

/** @typedef {() => Promise<void>} ShutdownHook */
/** @typedef {{ hooks: Map<string, ShutdownHook>, shuttingDown: boolean, since?: number }} ShutdownState */

const KEY = Symbol.for("ketbook.shutdown");

/** @returns {ShutdownState} */
function state() {
  const holder = /** @type {Record<symbol, ShutdownState | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  return (holder[KEY] ??= { hooks: new Map(), shuttingDown: false });
}

/**
 * Runs `hook` when the server shuts down, after in-flight requests finished (or ran out of time).
 * Hooks run in the order they were first registered; registering a name again replaces its hook
 * (a development reload runs the registration again).
 * @param {string} name
 * @param {ShutdownHook} hook
 */
export function onShutdown(name, hook) {
  state().hooks.set(name, hook);
}

/** @returns {boolean} */
export function isShuttingDown() {
  return state().shuttingDown;
}

/** Called by the edge as soon as a shutdown begins. */
export function markShuttingDown() {
  const current = state();
  if (!current.shuttingDown) current.since = Date.now();
  current.shuttingDown = true;
}

/**
 * When the shutdown began (Date.now()), or undefined while the server runs: hooks measure their
 * waits from it, so the whole shutdown fits in the one grace the edge was given.
 * @returns {number | undefined}
 */
export function shutdownStartedAt() {
  return state().since;
}

/**
 * Runs every registered hook once, in order; returns the errors of those that failed.
 * @returns {Promise<unknown[]>}
 */
export async function runShutdownHooks() {
  /** @type {unknown[]} */
  const errors = [];
  const { hooks } = state();
  const ordered = [...hooks.values()];
  hooks.clear();
  for (const hook of ordered) {
    try {
      await hook();
    } catch (error) {
      errors.push(error);
    }
  }
  return errors;
}
