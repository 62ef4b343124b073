import { type NextRequest, NextResponse } from "next/server";

import { CLIENT_PROTOCOL_HEADER } from "@/lib/http/client-address.mjs";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

/**
 * Runs before every page and API route: a fresh CSP nonce per request. Next reads the nonce from
 * the request's Content-Security-Policy header and puts it on its scripts; pages read `x-nonce`
 * for their own (app/layout.tsx). The headers that never vary (nosniff, referrer policy, HSTS, a
 * baseline no-framing policy that this one replaces) are set on every response, static files and
 * redirects included, by the server edge (lib/http/edge.mjs).
 */
export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === "development",
    https: request.headers.get(CLIENT_PROTOCOL_HEADER) === "https",
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Not static files (nothing renders from them) nor router prefetches (data for the
      // client router, which is already running: 'strict-dynamic' trusts what it loads).
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
