"use client";

import { signOut, useSession } from "next-auth/react";
import Link from "next/link";

/** Sign in / sign up, or the learner's name with their dashboard and sign out. */
export function UserMenu() {
  const { data, status } = useSession();
  if (status === "loading") return <span className="user-menu" aria-hidden="true" />;
  if (!data?.user) {
    return (
      <span className="user-menu">
        <Link href="/signin">Sign in</Link>
        <Link href="/signup" className="button button--small button--primary">
          Sign up
        </Link>
      </span>
    );
  }
  return (
    <span className="user-menu">
      <Link href="/me">{data.user.name ?? "My progress"}</Link>
      <button
        type="button"
        className="button button--small"
        onClick={() => void signOut({ callbackUrl: "/" })}
      >
        Sign out
      </button>
    </span>
  );
}
