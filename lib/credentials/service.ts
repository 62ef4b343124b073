import "server-only";

import { randomUUID } from "node:crypto";

import type { Database } from "@/db/client";
import { recordIssuance, revokedStatusIndexes, STATUS_LIST_LENGTH } from "@/db/queries/credentials";
import { earnedSkillLevels } from "@/lib/report/earned-levels";
import { verifySkillReport, type VerifyResult } from "@/lib/report/sign";
import { getOrCreateReportKeys } from "@/lib/report/stored-keys";
import { getRoadmapContent } from "@/lib/roadmap/service";

import { issuerDid, issuerKey } from "./issuer-key";
import { credentialBundle, skillLevelCredential } from "./open-badge";
import { signCredential } from "./sign";
import {
  revocationEntry,
  statusListNumber,
  statusListUrl,
  unsignedStatusListCredential,
} from "./status-list";
import { checkCredentials, credentialsIn, type CredentialCheck } from "./verify";

/** The learner has no earned skill level yet, so there is nothing to certify (409). */
export class NothingToCertifyError extends Error {
  readonly status = 409;
  constructor() {
    super("Nothing to certify yet: earn a skill level first (pass a quiz or solve exercises).");
    this.name = "NothingToCertifyError";
  }
}

/** Where an issued bundle can be fetched again, and its id. */
export function credentialUrl(origin: string, id: string): string {
  return `${origin}/api/credentials/${id}`;
}

/**
 * Issues the learner's credential bundle: one signed OpenBadgeCredential per earned skill level,
 * all sharing the bundle's revocation bit, wrapped in a VerifiablePresentation and stored so
 * the learner can fetch or revoke it later.
 */
export async function issueLearnerCredential(
  db: Database,
  learner: { id: string; name: string },
  origin: string,
  now: Date,
): Promise<{ id: string; document: Record<string, unknown> }> {
  const [earned, keys, content] = await Promise.all([
    earnedSkillLevels(db, learner.id),
    getOrCreateReportKeys(db),
    getRoadmapContent(),
  ]);
  if (earned.length === 0) throw new NothingToCertifyError();
  const key = await issuerKey(keys);
  const id = randomUUID();
  const context = { origin, issuerDid: key.did, issuedAt: now, learnerName: learner.name };
  const document = await recordIssuance(
    db,
    { id, userId: learner.id, skillLevels: earned.length, issuedAt: now },
    async (slot) => {
      const credentialStatus = revocationEntry(origin, slot);
      const signed = [];
      for (const level of earned) {
        const skill = content.skills.find((s) => s.id === level.skillId);
        const unsigned = skillLevelCredential(context, level, {
          id: `urn:uuid:${randomUUID()}`,
          levelDescription: skill?.levels[level.level - 1],
          credentialStatus,
        });
        signed.push(await signCredential(unsigned, key));
      }
      return credentialBundle(credentialUrl(origin, id), signed);
    },
  );
  return { id, document };
}

/** Status list `list`, signed now by the issuer, with every revoked credential's bit set. */
export async function signedStatusList(
  db: Database,
  origin: string,
  list: number,
  now: Date,
): Promise<Record<string, unknown>> {
  const [keys, revokedIndexes] = await Promise.all([
    getOrCreateReportKeys(db),
    revokedStatusIndexes(db, list),
  ]);
  const key = await issuerKey(keys);
  const unsigned = await unsignedStatusListCredential({
    origin,
    list,
    length: STATUS_LIST_LENGTH,
    revokedIndexes,
    issuerDid: key.did,
    validFrom: now,
  });
  return signCredential(unsigned, key);
}

export type SubmittedCheck =
  | { readonly format: "open-badges"; readonly issuer: string; readonly check: CredentialCheck }
  | { readonly format: "legacy-report"; readonly result: VerifyResult };

/**
 * Checks a document someone submitted: an Open Badges credential or bundle (proof, issuer and
 * revocation status, read from this deployment's database rather than fetched), a skill report
 * in the format issued before credentials (its own Ed25519 check), or anything else (said
 * plainly).
 */
export async function checkSubmitted(
  db: Database,
  data: unknown,
  now: Date,
): Promise<SubmittedCheck> {
  const keys = await getOrCreateReportKeys(db);
  if (isLegacyReport(data)) {
    return { format: "legacy-report", result: verifySkillReport(data, keys.publicKey) };
  }
  const did = await issuerDid(keys.publicKey);
  const statusLists = new Map<string, unknown>();
  for (const credential of credentialsIn(data) ?? []) {
    const url = statusUrlOf(credential);
    const list = url === undefined ? undefined : statusListNumber(url);
    if (url === undefined || list === undefined || statusLists.has(url)) continue;
    // Our own lists come from the database whatever host the credential names: the list is
    // signed by our key and the credential's proof covers the URL, so nothing is trusted blindly.
    const origin = new URL(url).origin;
    const signed = await signedStatusList(db, origin, list, now);
    if (statusListUrl(origin, list) === url) statusLists.set(url, signed);
  }
  return {
    format: "open-badges",
    issuer: did,
    check: await checkCredentials(data, did, statusLists, now),
  };
}

function isLegacyReport(data: unknown): boolean {
  return typeof data === "object" && data !== null && "report" in data && "signature" in data;
}

function statusUrlOf(credential: Record<string, unknown>): string | undefined {
  const status = credential.credentialStatus;
  if (typeof status !== "object" || status === null) return undefined;
  const url = (status as { statusListCredential?: unknown }).statusListCredential;
  return typeof url === "string" ? url : undefined;
}
