import type { Metadata } from "next";
import Link from "next/link";

import { safeCallbackUrl } from "@/lib/auth/callback-url";

import { SignUpForm } from "../../_components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  return (
    <div className="page page--narrow">
      <h1>Create your account</h1>
      <p className="lead">
        Free. Keep your code and progress, solve graded exercises and track your skills.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        Already have an account?{" "}
        <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </div>
  );
}
