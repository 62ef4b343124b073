/**
 * The Content-Security-Policy of every page, with a fresh nonce per request (set by proxy.ts;
 * Next puts the nonce on its own scripts, and app/layout.tsx on the theme script).
 *
 * Scripts: only those carrying the nonce, and what they load ('strict-dynamic'), so injected
 * markup cannot run code. Styles may be inline: Monaco injects its styles and KaTeX writes
 * style attributes (and a nonce in style-src would switch 'unsafe-inline' off). Monaco's web
 * worker is a same-origin file (worker-src 'self', blob: for its fallback); KaTeX's fonts are
 * bundled (font-src 'self' data:). No plugins, no framing, no foreign form targets.
 */
export interface PolicyOptions {
  readonly nonce: string;
  /** Development: React's debugging needs eval. */
  readonly dev?: boolean;
  /** The client came over HTTPS: upgrade any stray http:// subresource. */
  readonly https?: boolean;
}

export function contentSecurityPolicy({
  nonce,
  dev = false,
  https = false,
}: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable, and valid in a CSP nonce source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
