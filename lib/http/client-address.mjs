// @ts-check
import { isIP } from "node:net";

/**
 * Who the client is, as the server edge (lib/http/server.mjs) works it out from the socket and
 * from the forwarding headers of trusted proxies only. Pure functions, so the rule is tested
 * without a server; the edge stamps the results on every request as the headers below, and the
 * app reads them through lib/http/client-key.ts.
 *
 * Why not X-Forwarded-For as Next.js gives it: Next only fills it in when the client did not send
 * one, so any client can name any address and dodge every per-address limit.
 *
 * Plain JavaScript (typed by client-address.d.mts) because the edge runs without a TypeScript
 * transform.
 */

/** The client's address, always set (overwritten) by the server edge. */
export const CLIENT_ADDRESS_HEADER = "x-ketbook-client-address";
/** "https" or "http": how the client reached the first trusted hop (or this server). */
export const CLIENT_PROTOCOL_HEADER = "x-ketbook-client-protocol";

/**
 * KETBOOK_TRUSTED_PROXY_HOPS: how many proxies in front of the app append to X-Forwarded-For.
 * @param {string | undefined} value
 * @returns {number}
 */
export function trustedProxyHops(value) {
  if (value === undefined || value.trim() === "") return 0;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0) {
    throw new Error(
      `KETBOOK_TRUSTED_PROXY_HOPS must be a whole number of proxies (0 or more), not "${value}"`,
    );
  }
  return hops;
}

/**
 * One address in its plain form: IPv4-mapped IPv6 ("::ffff:1.2.3.4") as IPv4, brackets and ports
 * (as some proxies write them) removed. Undefined when what is left is not an IP address.
 * @param {string | undefined} raw
 * @returns {string | undefined}
 */
export function normalizeAddress(raw) {
  let address = raw?.trim();
  if (!address) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, "");
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1];
  return isIP(address) ? address.toLowerCase() : undefined;
}

/**
 * The entries of a comma-separated header that may have been sent several times.
 * @param {string | string[] | undefined} header
 * @returns {string[]}
 */
function listOf(header) {
  const joined = Array.isArray(header) ? header.join(",") : (header ?? "");
  return joined
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The client's address: the hop `trustedHops` places from the right of X-Forwarded-For followed
 * by the socket's address. With 0 hops that is the socket itself and X-Forwarded-For is ignored;
 * with N, each of the N trusted proxies appended the address it saw, so the entry N from the
 * right is the last one no client could forge. When the list is shorter than that (a request
 * that skipped a proxy), the leftmost entry is the best there is. An entry that is not an
 * address (a proxy's "unknown") falls back to the nearest trusted hop to its right.
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined} forwardedFor
 * @param {number} trustedHops
 * @returns {string}
 */
export function resolveClientAddress(socketAddress, forwardedFor, trustedHops) {
  const chain = trustedHops > 0 ? [...listOf(forwardedFor), socketAddress] : [socketAddress];
  const start = Math.max(0, chain.length - 1 - trustedHops);
  for (let i = start; i < chain.length; i++) {
    const address = normalizeAddress(chain[i]);
    if (address) return address;
  }
  return "unknown";
}

/**
 * "https" when the client's connection was encrypted: the server's own TLS with no trusted proxy,
 * else what the nearest trusted proxy wrote last in X-Forwarded-Proto (or, when it wrote none,
 * whether its own connection to us was encrypted).
 * @param {boolean} encrypted
 * @param {string | string[] | undefined} forwardedProto
 * @param {number} trustedHops
 * @returns {"https" | "http"}
 */
export function resolveClientProtocol(encrypted, forwardedProto, trustedHops) {
  const nearest = trustedHops > 0 ? listOf(forwardedProto).at(-1)?.toLowerCase() : undefined;
  if (!nearest) return encrypted ? "https" : "http";
  return nearest === "https" ? "https" : "http";
}
