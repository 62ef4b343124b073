import { sign, verify } from "node:crypto";

import { canonicalJson } from "./canonical";
import { privateKeyObject, publicKeyObject, type ReportKeyPair } from "./keys";
import { type SkillReport, skillReportSchema } from "./report";

/** The exported file: the report, and an Ed25519 signature over its canonical JSON. */
export interface SignedSkillReport {
  readonly report: SkillReport;
  readonly signature: {
    readonly algorithm: "Ed25519";
    /** base64url raw public key of the deployment that signed it. */
    readonly publicKey: string;
    /** base64url signature of canonicalJson(report). */
    readonly value: string;
  };
}

export function signSkillReport(report: SkillReport, keys: ReportKeyPair): SignedSkillReport {
  const value = sign(null, Buffer.from(canonicalJson(report)), privateKeyObject(keys));
  return {
    report,
    signature: {
      algorithm: "Ed25519",
      publicKey: keys.publicKey,
      value: value.toString("base64url"),
    },
  };
}

export type VerifyFailure = "malformed" | "wrong-key" | "bad-signature";

export type VerifyResult =
  | { readonly ok: true; readonly report: SkillReport; readonly publicKey: string }
  | { readonly ok: false; readonly reason: VerifyFailure; readonly message: string };

/**
 * Checks a signed report. With `trustedKey` (the deployment's public key) the signature must be
 * by that key: anyone can sign an edited report with a key of their own, so only a pinned key
 * proves the deployment issued it. Without one, only integrity under the embedded key is shown.
 */
export function verifySkillReport(data: unknown, trustedKey?: string): VerifyResult {
  const shape = signedShape(data);
  if (typeof shape === "string") return { ok: false, reason: "malformed", message: shape };
  const { report, publicKey, signature } = shape;
  if (trustedKey !== undefined && publicKey !== trustedKey) {
    return {
      ok: false,
      reason: "wrong-key",
      message: "The report is signed with a different key than this deployment's.",
    };
  }
  let valid = false;
  try {
    valid = verify(
      null,
      Buffer.from(canonicalJson(report)),
      publicKeyObject(publicKey),
      Buffer.from(signature, "base64url"),
    );
  } catch (error) {
    return {
      ok: false,
      reason: "malformed",
      message: `The public key is not usable: ${(error as Error).message}`,
    };
  }
  if (!valid) {
    return {
      ok: false,
      reason: "bad-signature",
      message: "The signature does not match: the report was changed after it was signed.",
    };
  }
  const parsed = skillReportSchema.safeParse(report);
  if (!parsed.success) {
    // Signed but not a report we issue (an older or foreign format): say so rather than trust it.
    return {
      ok: false,
      reason: "malformed",
      message: "The signed content is not a Ketbook skill report.",
    };
  }
  return { ok: true, report: parsed.data, publicKey };
}

function signedShape(
  data: unknown,
): { report: unknown; publicKey: string; signature: string } | string {
  if (typeof data !== "object" || data === null) return "The file is not a JSON object.";
  const { report, signature } = data as { report?: unknown; signature?: unknown };
  if (report === undefined) return "The file has no `report`.";
  if (typeof signature !== "object" || signature === null) return "The file has no `signature`.";
  const s = signature as { algorithm?: unknown; publicKey?: unknown; value?: unknown };
  if (s.algorithm !== "Ed25519") return "The signature algorithm must be Ed25519.";
  if (typeof s.publicKey !== "string" || typeof s.value !== "string") {
    return "The signature needs a `publicKey` and a `value` (base64url strings).";
  }
  return { report, publicKey: s.publicKey, signature: s.value };
}
