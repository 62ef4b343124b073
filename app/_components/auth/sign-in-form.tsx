"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { safeRedirectPath } from "@/lib/auth/callback-url";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

/** Email + password sign-in; errors are announced and focus stays in the form. */
export function SignInForm({ callbackUrl, github }: { callbackUrl: string; github: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email")),
      password: String(form.get("password")),
      redirect: false,
    });
    setBusy(false);
    if (!result || result.error) {
      // Only known codes are shown; Auth.js would pass any server error's text along.
      setError(signInErrorMessage(result?.error));
      return;
    }
    // The page checked it already; checked again because this is where the browser goes.
    router.push(safeRedirectPath(callbackUrl));
    router.refresh();
  }

  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      {github ? (
        <button
          type="button"
          className="button"
          onClick={() => void signIn("github", { callbackUrl: safeRedirectPath(callbackUrl) })}
        >
          Sign in with GitHub
        </button>
      ) : null}
    </form>
  );
}
