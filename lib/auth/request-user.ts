import "server-only";

import { getToken } from "next-auth/jwt";

import { getAuthOptions } from "./options";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

function parseCookies(header: string): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null);
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    const name = part.slice(0, at).trim();
    try {
      cookies[name] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // a malformed cookie is ignored, as a browser would
    }
  }
  return cookies;
}

/**
 * The id in a request's signed session token, or undefined for a guest. For keying rate limits
 * and fair shares by user: it reads the request itself (no request scope needed) and does not
 * look the user up, so a route that acts *for* the user must still call requireUser().
 */
export async function sessionUserId(
  request: Pick<Request, "headers">,
): Promise<string | undefined> {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  const cookies = parseCookies(header);
  const cookieName = SESSION_COOKIES.find((name) =>
    Object.keys(cookies).some((key) => key.startsWith(name)),
  );
  if (!cookieName) return undefined;
  const { secret } = await getAuthOptions();
  const token = await getToken({
    req: { headers: request.headers, cookies } as never,
    secret,
    cookieName,
    secureCookie: cookieName.startsWith("__Secure-"),
  });
  return typeof token?.sub === "string" ? token.sub : undefined;
}
