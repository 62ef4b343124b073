import { describe, expect, it } from "vitest";

import { signInErrorMessage, throttledCode } from "@/lib/auth/sign-in-messages";

describe("sign-in form messages", () => {
  it("maps Auth.js codes to our words, and never shows other text", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("The email or password is not right.");
    expect(signInErrorMessage(throttledCode(1))).toBe("Too many attempts. Try again in 1 second.");
    expect(signInErrorMessage(throttledCode(42.2))).toBe(
      "Too many attempts. Try again in 43 seconds.",
    );
    expect(signInErrorMessage(throttledCode(900))).toBe(
      "Too many attempts. Try again in 15 minutes.",
    );
    for (const other of [
      "connect ECONNREFUSED 127.0.0.1:5432",
      "<img src=x onerror=alert(1)>",
      "SignInThrottled:abc",
      "SignInThrottled:12 or click evil.example",
      undefined,
      null,
      "",
    ]) {
      expect(signInErrorMessage(other)).toBe("Signing in did not work. Try again.");
    }
  });
});
