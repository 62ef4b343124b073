import { headers } from "next/headers";

/**
 * The public origin a server-rendered page was asked for, for links that leave the screen (a
 * printed page, a copied URL). NEXTAUTH_URL pins it in production, as it does for sign-in;
 * otherwise the request's Host, with the scheme Next's server forwards.
 */
export async function pageOrigin(): Promise<string> {
  const pinned = process.env.NEXTAUTH_URL;
  if (pinned) return new URL(pinned).origin;
  const request = await headers();
  const host = request.get("x-forwarded-host") ?? request.get("host") ?? "localhost";
  const scheme = request.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${scheme}://${host}`;
}
