import "server-only";

import { CLIENT_ADDRESS_HEADER } from "./client-address.mjs";

/**
 * Who is asking, for rate limits and fairness: one home for client identity.
 *
 * The address is the one the server edge stamps on every request (CLIENT_ADDRESS_HEADER, set by
 * lib/http/server.mjs from the socket, and from X-Forwarded-For only across the configured number
 * of trusted proxy hops; a client-sent copy of the header is always overwritten). Forwarded
 * headers are never read here: anyone can send them.
 */
export { CLIENT_ADDRESS_HEADER };

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The client's network address as the server edge determined it; "unknown" when the app runs
 * without the edge (e.g. a route handler called directly in a test), which then is one bucket.
 */
export function clientAddress(headers: HeaderSource): string {
  return readHeader(headers, CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}

/** The rate-limit key: the signed-in user when there is one, else the client's address. */
export function clientKey(request: Request, userId?: string): string {
  if (userId) return `user:${userId}`;
  return `ip:${clientAddress(request.headers)}`;
}
