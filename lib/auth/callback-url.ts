/**
 * Where a learner may be sent after signing in, saving a form or any other step that takes a
 * "return to" value from the request: only a path on this site (no open redirects).
 *
 * A prefix check is not enough: browsers parse URLs with the WHATWG algorithm, which drops tabs
 * and newlines anywhere, reads `\` as `/` and trims leading control characters, so `/\t/evil`,
 * `/\evil` and ` //evil` all leave the site. So the value is parsed with that same algorithm
 * against an origin of our own, and accepted only if it stays on that origin; the path handed
 * back is the parsed one, checked again, so what the browser resolves is what was checked.
 *
 * Pure and browser-safe: the sign-in form applies it again before navigating.
 */

/** Longer values are refused outright (nothing on the site needs them; they only cost parsing). */
export const MAX_REDIRECT_LENGTH = 2048;

// Any origin of our own will do: only paths are accepted, and a path resolves the same way
// against every origin. `.invalid` can never be a real host.
const PROBE_ORIGIN = "https://ketbook.invalid";

// C0 controls, DEL and backslashes have no business in a path we hand out; the WHATWG parser
// would silently drop or reinterpret them, which is exactly how the tricks work.
const SUSPICIOUS = /[\u0000-\u001f\u007f\\]/;

/** The value's path, query and fragment when it is a same-site path, else undefined. */
function sameSitePath(value: string): string | undefined {
  if (value.length === 0 || value.length > MAX_REDIRECT_LENGTH) return undefined;
  if (SUSPICIOUS.test(value)) return undefined;
  // A path, not a relative reference or a scheme: `/x`, never `//x`, `x`, `javascript:`.
  if (!value.startsWith("/") || value.startsWith("//")) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value, PROBE_ORIGIN);
  } catch {
    return undefined;
  }
  if (parsed.origin !== PROBE_ORIGIN) return undefined;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Dot segments can turn `/.//evil` into `//evil`: the parsed form must itself be a plain path.
  if (!path.startsWith("/") || path.startsWith("//")) return undefined;
  return new URL(path, PROBE_ORIGIN).origin === PROBE_ORIGIN ? path : undefined;
}

/**
 * A same-site path to go to, from a query parameter or form field; `fallback` for anything else
 * (absolute URLs, protocol-relative ones, other schemes, tricks, arrays' later values).
 */
export function safeRedirectPath(value: unknown, fallback = "/me"): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (typeof first === "string" && sameSitePath(first)) || fallback;
}

/** The sign-in page's `callbackUrl`: a same-site path, else the learner's dashboard. */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/me"): string {
  return safeRedirectPath(value, fallback);
}

/**
 * Auth.js's `redirect` callback rule: `url` may be a same-site path or an absolute URL on the
 * site's own origin (`baseUrl`, which Auth.js derives from NEXTAUTH_URL or the request); anything
 * else goes to the site's root.
 */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  const path = sameSitePath(url);
  if (path) return new URL(path, base.origin).toString();
  if (url.length > MAX_REDIRECT_LENGTH || SUSPICIOUS.test(url)) return base.origin;
  try {
    const absolute = new URL(url);
    if (absolute.origin === base.origin && !absolute.username && !absolute.password) {
      return absolute.toString();
    }
  } catch {
    // not a URL at all
  }
  return base.origin;
}
