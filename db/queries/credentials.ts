import "server-only";

import { and, desc, eq, gte, isNull, lt } from "drizzle-orm";

import type { Database } from "../client";
import { issuedCredentials, type IssuedCredentialRow } from "../schema";

/** Bits per Bitstring Status List: the spec's minimum of 16 KiB, so a list hides who is who. */
export const STATUS_LIST_LENGTH = 131_072;

export interface StatusSlot {
  readonly list: number;
  readonly index: number;
}

/** Where a status position lives: positions start at 1, so index 0 of list 0 is never used. */
export function statusSlot(position: number): StatusSlot {
  return { list: Math.floor(position / STATUS_LIST_LENGTH), index: position % STATUS_LIST_LENGTH };
}

export interface NewIssuance {
  readonly id: string;
  readonly userId: string;
  readonly skillLevels: number;
  readonly issuedAt: Date;
}

/**
 * Records an issuance and allocates its status slot, then stores the document `sign` builds for
 * that slot, in one transaction: a failed signing leaves no half-issued row behind. The
 * identity column hands out positions, so nodes issuing at once never share a slot.
 */
export async function recordIssuance<D extends Record<string, unknown>>(
  db: Database,
  issuance: NewIssuance,
  sign: (slot: StatusSlot) => Promise<D>,
): Promise<D> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(issuedCredentials)
      .values({ ...issuance, document: null })
      .returning({ position: issuedCredentials.statusPosition });
    const document = await sign(statusSlot(row.position));
    await tx
      .update(issuedCredentials)
      .set({ document })
      .where(eq(issuedCredentials.id, issuance.id));
    return document;
  });
}

export async function findIssuedCredential(
  db: Database,
  id: string,
): Promise<IssuedCredentialRow | undefined> {
  const [row] = await db.select().from(issuedCredentials).where(eq(issuedCredentials.id, id));
  return row;
}

export type IssuedCredentialSummary = Pick<
  IssuedCredentialRow,
  "id" | "skillLevels" | "issuedAt" | "revokedAt"
>;

/** A learner's issued credentials, newest first. */
export async function listIssuedCredentials(
  db: Database,
  userId: string,
): Promise<IssuedCredentialSummary[]> {
  return db
    .select({
      id: issuedCredentials.id,
      skillLevels: issuedCredentials.skillLevels,
      issuedAt: issuedCredentials.issuedAt,
      revokedAt: issuedCredentials.revokedAt,
    })
    .from(issuedCredentials)
    .where(eq(issuedCredentials.userId, userId))
    .orderBy(desc(issuedCredentials.issuedAt), desc(issuedCredentials.statusPosition));
}

/**
 * Revokes one of the learner's own credentials. Returns false when no such credential is
 * theirs (someone else's id answers exactly like an unknown one). Revoking twice keeps the
 * first date.
 */
export async function revokeIssuedCredential(
  db: Database,
  userId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const owned = and(eq(issuedCredentials.id, id), eq(issuedCredentials.userId, userId));
  await db
    .update(issuedCredentials)
    .set({ revokedAt: now })
    .where(and(owned, isNull(issuedCredentials.revokedAt)));
  const [row] = await db.select({ id: issuedCredentials.id }).from(issuedCredentials).where(owned);
  return row !== undefined;
}

/**
 * The indexes of one status list whose bit is set: revoked credentials, and positions already
 * handed out that no longer have a row (their account was deleted), so a credential never turns
 * valid again by losing its record.
 */
export async function revokedStatusIndexes(db: Database, list: number): Promise<number[]> {
  const start = list * STATUS_LIST_LENGTH;
  const rows = await db
    .select({
      position: issuedCredentials.statusPosition,
      revokedAt: issuedCredentials.revokedAt,
    })
    .from(issuedCredentials)
    .where(
      and(
        gte(issuedCredentials.statusPosition, start),
        lt(issuedCredentials.statusPosition, start + STATUS_LIST_LENGTH),
      ),
    );
  if (rows.length === 0) return [];
  const live = new Set<number>();
  let highest = 0;
  for (const row of rows) {
    highest = Math.max(highest, row.position);
    if (!row.revokedAt) live.add(row.position);
  }
  // Every position up to the highest one seen was handed out (positions start at 1), so one
  // without a live row is revoked, lost its account, or belonged to an issuance that failed.
  const revoked: number[] = [];
  for (let position = Math.max(start, 1); position <= highest; position++) {
    if (!live.has(position)) revoked.push(position - start);
  }
  return revoked;
}
