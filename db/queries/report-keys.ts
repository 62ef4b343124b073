import "server-only";

import { eq } from "drizzle-orm";

import { generateReportKeyPair, type ReportKeyPair } from "@/lib/report/keys";

import type { Database } from "../client";
import { appSecrets } from "../schema";

const NAME = "skill-report-ed25519";

/**
 * The deployment's Ed25519 key pair for signing skill reports, created on first use. As with
 * getOrCreateSecret, concurrent first calls on several nodes agree: the insert does nothing on
 * conflict and everyone reads back the one stored pair.
 */
export async function getOrCreateReportKeys(db: Database): Promise<ReportKeyPair> {
  await db
    .insert(appSecrets)
    .values({ name: NAME, value: JSON.stringify(generateReportKeyPair()) })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: appSecrets.value })
    .from(appSecrets)
    .where(eq(appSecrets.name, NAME));
  return JSON.parse(row.value) as ReportKeyPair;
}
