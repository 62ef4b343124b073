import * as Ed25519Multikey from "@digitalcredentials/ed25519-multikey";

import type { ReportKeyPair } from "@/lib/report/keys";

/**
 * The deployment's issuer identity for Open Badges: a `did:key` derived from the same Ed25519
 * key pair that signs legacy skill reports, so a deployment has one key and anyone can resolve
 * the DID offline (a did:key is its own public key).
 */
export interface IssuerKey {
  readonly did: string;
  /** The verification method a proof names: `did:key:z…#z…`. */
  readonly verificationMethod: string;
  /** Signs proofs; absent from a key built from the public half only. */
  readonly signer: unknown;
}

export async function issuerDid(publicKey: string): Promise<string> {
  const key = await Ed25519Multikey.fromJwk({ jwk: { kty: "OKP", crv: "Ed25519", x: publicKey } });
  return `did:key:${key.publicKeyMultibase}`;
}

export async function issuerKey(pair: ReportKeyPair): Promise<IssuerKey> {
  const did = await issuerDid(pair.publicKey);
  const fingerprint = did.slice("did:key:".length);
  const verificationMethod = `${did}#${fingerprint}`;
  const key = await Ed25519Multikey.fromJwk({
    jwk: { kty: "OKP", crv: "Ed25519", x: pair.publicKey, d: pair.privateKey },
    secretKey: true,
    id: verificationMethod,
    controller: did,
  });
  return { did, verificationMethod, signer: key.signer() };
}
