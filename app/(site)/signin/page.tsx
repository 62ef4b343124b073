import type { Metadata } from "next";
import Link from "next/link";

import { safeCallbackUrl } from "@/lib/auth/callback-url";

import { SignInForm } from "../../_components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  return (
    <div className="page page--narrow">
      <h1>Sign in</h1>
      <p className="lead">
        Your code, exercises and progress are kept in your account, on every device.
      </p>
      <SignInForm
        callbackUrl={callbackUrl}
        github={Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET)}
      />
      <p>
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
