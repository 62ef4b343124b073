import "server-only";

import { randomBytes } from "node:crypto";

import { eq } from "drizzle-orm";

import type { Database } from "../client";
import { appSecrets } from "../schema";

/**
 * Returns the named secret, creating it on first use. Concurrent first calls on several nodes
 * agree: the insert does nothing on conflict and everyone reads back the one stored value.
 */
export async function getOrCreateSecret(db: Database, name: string): Promise<string> {
  await db
    .insert(appSecrets)
    .values({ name, value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: appSecrets.value })
    .from(appSecrets)
    .where(eq(appSecrets.name, name));
  return row.value;
}
