import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { verifyCredential } from "@digitalcredentials/vc";
import { checkStatus } from "@digitalcredentials/vc-bitstring-status-list";

import { offlineDocumentLoader } from "./document-loader";

export type CredentialStatus = "valid" | "tampered" | "revoked" | "foreign" | "status-unknown";

/** What /verify shows of one credential; the details only when its proof held. */
export interface CheckedCredential {
  readonly status: CredentialStatus;
  readonly message: string;
  readonly id: string | null;
  readonly details: CredentialDetails | null;
}

export interface CredentialDetails {
  readonly issuer: { readonly id: string; readonly name: string; readonly url: string | null };
  readonly learnerName: string;
  readonly achievement: string;
  readonly description: string;
  readonly validFrom: string;
  readonly evidence: readonly { readonly name: string; readonly description: string }[];
}

export type CredentialCheck =
  | { readonly kind: "not-a-credential"; readonly message: string }
  | {
      readonly kind: "credentials";
      /** The worst status among them: one bad credential makes the whole file fail. */
      readonly status: CredentialStatus;
      readonly credentials: readonly CheckedCredential[];
    };

/** More than a learner could earn (every skill at every level); bounds the work of one check. */
const MAX_CREDENTIALS = 64;

const STATUS_RANK: CredentialStatus[] = [
  "valid",
  "status-unknown",
  "revoked",
  "foreign",
  "tampered",
];

/** The credentials a document holds: itself, or a presentation's, or none. */
export function credentialsIn(data: unknown): Record<string, unknown>[] | null {
  if (!isObject(data)) return null;
  const type = asArray(data.type);
  if (type.includes("VerifiableCredential")) return [data];
  if (type.includes("VerifiablePresentation")) {
    const held = asArray(data.verifiableCredential);
    return held.length > 0 && held.every(isObject) ? held : null;
  }
  return null;
}

/**
 * Verifies every credential in `data` (a credential or a presentation of them) with the
 * eddsa-rdfc-2022 Data Integrity suite and its Bitstring Status List entry, offline: contexts are
 * bundled, the did:key issuer resolves from itself and `statusLists` supplies the status list
 * credentials (by URL) the caller could load. Only credentials issued by `trustedIssuer` count
 * as valid: anyone can sign with a key of their own.
 */
export async function checkCredentials(
  data: unknown,
  trustedIssuer: string,
  statusLists: ReadonlyMap<string, unknown>,
  now: Date = new Date(),
): Promise<CredentialCheck> {
  const credentials = credentialsIn(data);
  if (!credentials) {
    return {
      kind: "not-a-credential",
      message:
        "This is not a verifiable credential: Ketbook credentials are JSON documents of type VerifiableCredential (or a VerifiablePresentation holding them).",
    };
  }
  if (credentials.length > MAX_CREDENTIALS) {
    return {
      kind: "not-a-credential",
      message: `Too many credentials in one file: at most ${MAX_CREDENTIALS} are checked at once.`,
    };
  }
  const documentLoader = offlineDocumentLoader(statusLists);
  const checked = await Promise.all(
    credentials.map((c) => checkOne(c, trustedIssuer, documentLoader, now)),
  );
  const status = checked.reduce<CredentialStatus>(
    (worst, c) => (STATUS_RANK.indexOf(c.status) > STATUS_RANK.indexOf(worst) ? c.status : worst),
    "valid",
  );
  return { kind: "credentials", status, credentials: checked };
}

async function checkOne(
  credential: Record<string, unknown>,
  trustedIssuer: string,
  documentLoader: ReturnType<typeof offlineDocumentLoader>,
  now: Date,
): Promise<CheckedCredential> {
  const id = typeof credential.id === "string" ? credential.id : null;
  const issuer = issuerOf(credential);
  if (issuer?.id !== trustedIssuer) {
    return {
      status: "foreign",
      message: "Not issued by this Ketbook: the issuer is a different key.",
      id,
      details: null,
    };
  }
  const suite = new DataIntegrityProof({ cryptosuite });
  let result;
  try {
    result = await verifyCredential({ credential, suite, documentLoader, checkStatus, now });
  } catch (error) {
    return {
      status: "tampered",
      message: `Not valid: ${(error as Error).message}`,
      id,
      details: null,
    };
  }
  const proofHeld = (result.results ?? []).length > 0 && result.results!.every((r) => r.verified);
  if (!proofHeld) {
    return {
      status: "tampered",
      message: "The proof does not match: the credential was changed after it was issued.",
      id,
      details: null,
    };
  }
  const details = detailsOf(credential, issuer);
  if (!result.statusResult) {
    return { status: "status-unknown", message: "Its status could not be checked.", id, details };
  }
  if ("error" in result.statusResult && result.statusResult.error) {
    return {
      status: "status-unknown",
      message: "Its revocation status could not be read from this site.",
      id,
      details,
    };
  }
  if (!result.statusResult.verified) {
    return { status: "revoked", message: "Revoked by its holder.", id, details };
  }
  if (!result.verified) {
    return { status: "tampered", message: "Not valid.", id, details: null };
  }
  return { status: "valid", message: "Valid: issued by this Ketbook and unchanged.", id, details };
}

function issuerOf(credential: Record<string, unknown>) {
  const issuer = credential.issuer;
  if (typeof issuer === "string") return { id: issuer, name: issuer, url: null };
  if (!isObject(issuer) || typeof issuer.id !== "string") return undefined;
  return {
    id: issuer.id,
    name: typeof issuer.name === "string" ? issuer.name : issuer.id,
    url: typeof issuer.url === "string" ? issuer.url : null,
  };
}

function detailsOf(
  credential: Record<string, unknown>,
  issuer: CredentialDetails["issuer"],
): CredentialDetails {
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  return {
    issuer,
    learnerName: text(subject.name),
    achievement: text(achievement.name),
    description: text(achievement.description),
    validFrom: text(credential.validFrom),
    evidence: asArray(credential.evidence)
      .filter(isObject)
      .map((e) => ({ name: text(e.name), description: text(e.description) })),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}
