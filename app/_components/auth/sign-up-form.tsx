"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { PASSWORD_RULES } from "@/lib/auth/password-rules";

import { signUp, type SignUpState } from "../../(site)/signup/actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [state, setState] = useState<SignUpState | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = state && !state.ok ? state : null;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    };
    setBusy(true);
    const result = await signUp(input);
    setState(result);
    if (result.ok) {
      const signedIn = await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirect: false,
      });
      if (signedIn?.ok) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
    }
    setBusy(false);
  }

  const invalid = (field: string) =>
    problem?.field === field ? { "aria-invalid": true, "aria-describedby": "signup-error" } : {};
  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate>
      <label>
        Name
        <input name="name" autoComplete="name" required {...invalid("name")} />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required {...invalid("email")} />
      </label>
      <label>
        Password <span className="hint">(at least {PASSWORD_RULES.minLength} characters)</span>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_RULES.minLength}
          required
          {...invalid("password")}
        />
      </label>
      {problem ? (
        <p className="form-error" role="alert" id="signup-error">
          {problem.message}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
