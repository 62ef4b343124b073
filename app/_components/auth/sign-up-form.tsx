"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { safeRedirectPath } from "@/lib/auth/callback-url";
import { PASSWORD_MESSAGES, PASSWORD_RULES, passwordShapeProblem } from "@/lib/auth/password-rules";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

import { signUp } from "../../(site)/signup/actions";

type Problem = { message: string; field?: "name" | "email" | "password" };

// The sign-up answer does not say whether the email already had an account (so it cannot be
// used to test addresses); when signing in then fails, this covers both honest explanations.
const NOT_SIGNED_IN =
  "We could not sign you in with this email and password. If you already have an account, sign in with its password instead.";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: String(form.get("name")),
      email: String(form.get("email")),
      password: String(form.get("password")),
    };
    // The shape rules are checked here too, for an answer without a round trip; the server
    // checks them again, and alone knows the common-password list.
    const shape = passwordShapeProblem(input.password);
    if (shape) {
      setProblem({ message: PASSWORD_MESSAGES[shape], field: "password" });
      return;
    }
    setBusy(true);
    setProblem(null);
    const result = await signUp(input);
    if (!result.ok) {
      setProblem(result);
      setBusy(false);
      return;
    }
    const signedIn = await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirect: false,
    });
    if (signedIn?.ok && !signedIn.error) {
      router.push(safeRedirectPath(callbackUrl));
      router.refresh();
      return;
    }
    setProblem({
      message:
        signedIn?.error === "CredentialsSignin"
          ? NOT_SIGNED_IN
          : signInErrorMessage(signedIn?.error),
    });
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
        Password{" "}
        <span className="hint">
          (at least {PASSWORD_RULES.minLength} characters, not a common password)
        </span>
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
