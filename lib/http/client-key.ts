import "server-only";

import { CLIENT_ADDRESS_HEADER, CLIENT_PROTOCOL_HEADER } from "./client-address.mjs";
import { CLIENT_STAMP_HEADER, isStampValid } from "./edge-stamp.mjs";

/**
 * Who is asking, for rate limits and fairness: one home for client identity.
 *
 * The address is the one the server edge stamps on every request (CLIENT_ADDRESS_HEADER, set by
 * lib/http/edge.mjs from the socket, and from X-Forwarded-For only across the configured number
 * of trusted proxy hops) and signs with its process's key (lib/http/edge-stamp.mjs). Only a stamp
 * whose signature matches is believed: a server that bypasses the edge (`next start`) would pass
 * a client's own copy of the header through, and forwarded headers are never read here at all.
 */
export { CLIENT_ADDRESS_HEADER };

/** A request reached the app without the server edge: its client cannot be told apart. */
export class EdgeBypassedError extends Error {
  constructor() {
    super(
      "This server is misconfigured: a request reached Ketbook without its server edge, so its " +
        "client's address is unknown. Serve Ketbook with `npm start` (lib/http/server.mjs), " +
        "not `next start` or Next's standalone server.",
    );
    this.name = "EdgeBypassedError";
  }
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

let warned = false;

/**
 * The client's network address as the server edge determined it.
 *
 * Without a valid stamp: in production a refusal (EdgeBypassedError, a 500 naming the cause),
 * since every client would otherwise share one allowance or pick their own. Elsewhere (`next dev`
 * run directly, a route handler called in a test) the request counts as "unknown", one bucket
 * for all such requests, and a client-sent address is ignored.
 */
export function clientAddress(headers: HeaderSource): string {
  const address = readHeader(headers, CLIENT_ADDRESS_HEADER);
  const protocol = readHeader(headers, CLIENT_PROTOCOL_HEADER);
  if (isStampValid(address, protocol, readHeader(headers, CLIENT_STAMP_HEADER))) return address!;
  if (process.env.NODE_ENV === "production") throw new EdgeBypassedError();
  if (process.env.NODE_ENV === "development" && !warned) {
    warned = true;
    console.warn(
      "Requests arrive without the server edge's stamp: every client shares one rate-limit " +
        "bucket. Use `npm run dev` (not `next dev`) to tell clients apart.",
    );
  }
  return "unknown";
}

/** The rate-limit key: the signed-in user when there is one, else the client's address. */
export function clientKey(request: Pick<Request, "headers">, userId?: string): string {
  if (userId) return `user:${userId}`;
  return `ip:${clientAddress(request.headers)}`;
}
