/**
 * What the sign-in form says for an error Auth.js hands back. Auth.js passes the message of an
 * error thrown in `authorize` through a URL, so the server sends only codes and the form maps
 * the ones it knows; anything else gets a generic line (never the raw text). Browser-safe.
 */

const THROTTLED = /^SignInThrottled:(\d{1,7})$/;

/** The code `authorize` throws when sign-in is throttled: the wait travels with it. */
export function throttledCode(retryAfterSeconds: number): string {
  return `SignInThrottled:${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

export function signInErrorMessage(code: string | null | undefined): string {
  if (code === "CredentialsSignin") return "The email or password is not right.";
  const throttled = code ? THROTTLED.exec(code) : null;
  if (throttled) {
    return `Too many attempts. Try again in ${waitText(Number(throttled[1]))}.`;
  }
  return "Signing in did not work. Try again.";
}
