import "server-only";

import { getServerSession } from "next-auth";
import { cookies } from "next/headers";

import type { PublicUser } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";

import { getAuthOptions } from "./options";

/** Not signed in (401). */
export class UnauthorizedError extends Error {
  readonly status = 401;
  constructor(message = "Sign in to do this.") {
    super(message);
    this.name = "UnauthorizedError";
  }
}

/** Signed in, but not allowed (403). */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "You are not allowed to do this.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The signed-in user as the database knows them now, or null for a guest. */
export async function getCurrentUser(): Promise<PublicUser | null> {
  // Read the request first: it marks the caller as per-request (never prerendered at build
  // time), before anything touches the database.
  await cookies();
  const session = await getServerSession(await getAuthOptions());
  // The session callback has just read this user from the database (see options.ts).
  const user = session?.user as Partial<PublicUser> | undefined;
  if (!user?.id || !user.role || user.email == null || user.name == null) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Every action and route that acts for a user starts here (middleware alone is not enough). */
export async function requireUser(): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthorizedError();
  return user;
}

export async function requireRole(...roles: UserRole[]): Promise<PublicUser> {
  const user = await requireUser();
  if (!roles.includes(user.role))
    throw new ForbiddenError(`This needs the ${roles.join(" or ")} role.`);
  return user;
}
