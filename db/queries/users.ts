import "server-only";

import { randomUUID } from "node:crypto";

import { and, asc, eq, ilike, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import { accounts, type UserRole, type UserRow, users } from "../schema";

export type PublicUser = Pick<UserRow, "id" | "email" | "name" | "role">;

const publicColumns = { id: users.id, email: users.email, name: users.name, role: users.role };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class EmailTakenError extends Error {
  constructor() {
    super("An account with this email already exists.");
    this.name = "EmailTakenError";
  }
}

export async function createUser(
  db: Database,
  input: { email: string; name: string; passwordHash: string | null; role?: UserRole },
): Promise<PublicUser> {
  const rows = await db
    .insert(users)
    .values({
      id: randomUUID(),
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      passwordHash: input.passwordHash,
      role: input.role ?? "learner",
    })
    .onConflictDoNothing({ target: users.email })
    .returning(publicColumns);
  if (rows.length === 0) throw new EmailTakenError();
  return rows[0];
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  return row;
}

export async function findUserById(db: Database, id: string): Promise<PublicUser | undefined> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function setUserRole(db: Database, id: string, role: UserRole): Promise<void> {
  await db.update(users).set({ role }).where(eq(users.id, id));
}

/** A user as the admin page lists them. */
export type ListedUser = PublicUser & { readonly createdAt: Date };

/** Escapes LIKE's wildcards, so a search for `a_b` or `50%` means those characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Users whose email or name contains `query` (any case), by email, at most `limit`; everyone
 * when the query is blank.
 */
export async function searchUsers(
  db: Database,
  query: string,
  limit: number,
): Promise<ListedUser[]> {
  const text = query.trim();
  const matches = text
    ? or(ilike(users.email, likePattern(text)), ilike(users.name, likePattern(text)))
    : undefined;
  return db
    .select({ ...publicColumns, createdAt: users.createdAt })
    .from(users)
    .where(matches)
    .orderBy(asc(users.email))
    .limit(limit);
}

export type RoleChange = "changed" | "unchanged" | "no-user" | "last-admin";

/**
 * Gives user `id` the role `role`, unless that would leave no admin. The admins' rows are locked
 * first, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function changeUserRole(
  db: Database,
  id: string,
  role: UserRole,
): Promise<RoleChange> {
  return db.transaction(async (tx) => {
    const admins = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, "admin"))
      .for("update");
    const [target] = await tx
      .select({ role: users.role })
      .from(users)
      .where(eq(users.id, id))
      .for("update");
    if (!target) return "no-user";
    if (target.role === role) return "unchanged";
    if (target.role === "admin" && admins.length <= 1) return "last-admin";
    await tx.update(users).set({ role }).where(eq(users.id, id));
    return "changed";
  });
}

/** How many accounts there are, for the admin page's summary. */
export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}

/**
 * The user behind an external sign-in (GitHub): the linked one, else the one with the same
 * verified email (linked now), else a new learner.
 */
export async function findOrCreateExternalUser(
  db: Database,
  input: { provider: string; providerAccountId: string; email: string; name: string },
): Promise<PublicUser> {
  const [linked] = await db
    .select(publicColumns)
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(
      and(
        eq(accounts.provider, input.provider),
        eq(accounts.providerAccountId, input.providerAccountId),
      ),
    );
  if (linked) return linked;
  const existing = await findUserByEmail(db, input.email);
  const user = existing
    ? { id: existing.id, email: existing.email, name: existing.name, role: existing.role }
    : await createUser(db, { email: input.email, name: input.name, passwordHash: null });
  await db
    .insert(accounts)
    .values({
      userId: user.id,
      provider: input.provider,
      providerAccountId: input.providerAccountId,
    })
    .onConflictDoNothing();
  return user;
}
