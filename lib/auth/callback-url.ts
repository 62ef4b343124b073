/** Only same-site paths may be returned to after signing in (no open redirects). */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = "/me"): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
    ? path
    : fallback;
}
