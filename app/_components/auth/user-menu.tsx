"use client";

import { signOut, useSession } from "next-auth/react";
import Link from "next/link";

/**
 * Sign in / sign up, or the learner's name with their dashboard and sign out; instructors also
 * get the studio, admins the admin page. The role comes from the session, which the server reads
 * from the database each time (these are only links: every page and action checks for itself).
 */
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
  const role = (data.user as { role?: string }).role;
  return (
    <span className="user-menu">
      {role === "instructor" || role === "admin" ? <Link href="/studio">Studio</Link> : null}
      {role === "admin" ? <Link href="/admin">Admin</Link> : null}
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
