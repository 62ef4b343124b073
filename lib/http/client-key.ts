import "server-only";

/**
 * Who is asking, for rate limits: the signed-in user when there is one, else the client address
 * as forwarded by the proxy in front of the app (the first hop), else one shared local bucket.
 */
export function clientKey(request: Request, userId?: string): string {
  if (userId) return `user:${userId}`;
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const address = forwarded || request.headers.get("x-real-ip") || "local";
  return `ip:${address}`;
}
