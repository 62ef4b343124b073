import "server-only";

import type { Database } from "@/db/client";
import { readReportKeys, storeReportKeysOnce } from "@/db/queries/report-keys";

import { generateReportKeyPair, type ReportKeyPair } from "./keys";

/**
 * The deployment's Ed25519 key pair for signing skill reports, generated here on first use and
 * kept in the database, so every node signs with the same pair.
 */
export async function getOrCreateReportKeys(db: Database): Promise<ReportKeyPair> {
  const stored =
    (await readReportKeys(db)) ??
    (await storeReportKeysOnce(db, JSON.stringify(generateReportKeyPair())));
  return JSON.parse(stored) as ReportKeyPair;
}
