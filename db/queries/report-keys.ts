import "server-only";

import { eq } from "drizzle-orm";

import type { Database } from "../client";
import { appSecrets } from "../schema";

const NAME = "skill-report-ed25519";

/** The deployment's stored report key pair (as the JSON text lib/report wrote), if any. */
export async function readReportKeys(db: Database): Promise<string | undefined> {
  const [row] = await db
    .select({ value: appSecrets.value })
    .from(appSecrets)
    .where(eq(appSecrets.name, NAME));
  return row?.value;
}

/**
 * Stores `value` as the report key pair unless one is stored already, and returns the one
 * stored. As with getOrCreateSecret, concurrent first calls on several nodes agree: the insert
 * does nothing on conflict and everyone reads back the same pair.
 */
export async function storeReportKeysOnce(db: Database, value: string): Promise<string> {
  await db.insert(appSecrets).values({ name: NAME, value }).onConflictDoNothing();
  return (await readReportKeys(db))!;
}
