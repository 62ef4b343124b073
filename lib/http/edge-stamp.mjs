// @ts-check
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import { CLIENT_ADDRESS_HEADER, CLIENT_PROTOCOL_HEADER } from "./client-address.mjs";

/**
 * Proof that the client-identity headers were written by this process's server edge
 * (lib/http/edge.mjs), not by the client.
 *
 * Overwriting the headers at the edge is only half of it: a server that does not go through the
 * edge (`next start`, Next's standalone server.js) passes a client's own `x-ketbook-client-address`
 * straight to the app, which would then let anyone pick the address their limits are counted
 * under. So the edge also signs what it stamps, with a key made at random when the process starts,
 * and the app (lib/http/client-key.ts) believes only a stamp whose signature matches. No client can
 * know the key: it never leaves the process.
 *
 * The signature covers the address and protocol (an HMAC, not the bare key), so a stamp that ends
 * up in a log vouches only for the address it came with, and cannot be reused to claim another.
 *
 * The edge and the app meet on one process-wide record under a registered symbol, as in
 * shutdown.mjs: Next bundles the app with its own copy of this module.
 *
 * Plain JavaScript (typed by edge-stamp.d.mts) because the edge runs without a TypeScript transform.
 */

/** The signature of the stamped address and protocol, set (overwritten) by the edge. */
export const CLIENT_STAMP_HEADER = "x-ketbook-client-stamp";

const KEY = Symbol.for("ketbook.edge-stamp-key");

/** @returns {{ key?: Buffer }} */
function holder() {
  const global = /** @type {Record<symbol, { key?: Buffer } | undefined>} */ (
    /** @type {unknown} */ (globalThis)
  );
  return (global[KEY] ??= {});
}

/** The process's stamping key, made on first use. */
function stampKey() {
  const record = holder();
  return (record.key ??= randomBytes(32));
}

/** Called when the edge is created, so the app can tell at start-up that an edge serves it. */
export function startStamping() {
  stampKey();
}

/**
 * Whether something in this process stamps requests (the server edge; in tests, the code that
 * stands in for it). False under `next start`, where nothing does.
 * @returns {boolean}
 */
export function stampingStarted() {
  return holder().key !== undefined;
}

/**
 * @param {Buffer} key
 * @param {string} address
 * @param {string} protocol
 */
function signature(key, address, protocol) {
  return createHmac("sha256", key).update(`${address}\n${protocol}`).digest("base64url");
}

/**
 * The identity headers the edge puts on a request from `address` over `protocol`: the address,
 * the protocol and their signature.
 * @param {string} address
 * @param {"https" | "http"} protocol
 * @returns {Record<string, string>}
 */
export function stampedIdentityHeaders(address, protocol) {
  return {
    [CLIENT_ADDRESS_HEADER]: address,
    [CLIENT_PROTOCOL_HEADER]: protocol,
    [CLIENT_STAMP_HEADER]: signature(stampKey(), address, protocol),
  };
}

/**
 * Whether `stamp` is this process's signature of `address` and `protocol`. Always false when
 * nothing in the process stamps (no key was ever made).
 * @param {string | undefined} address
 * @param {string | undefined} protocol
 * @param {string | undefined} stamp
 * @returns {boolean}
 */
export function isStampValid(address, protocol, stamp) {
  const { key } = holder();
  if (!key || !address || !protocol || !stamp) return false;
  const expected = Buffer.from(signature(key, address, protocol));
  const given = Buffer.from(stamp);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
