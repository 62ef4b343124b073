import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";

/**
 * An Ed25519 key pair as the two base64url strings of its JWK form: `publicKey` is the raw
 * 32-byte public key (JWK "x"), `privateKey` the raw 32-byte seed (JWK "d"). Short, printable,
 * and what an employer pastes to pin the key.
 */
export interface ReportKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

export function generateReportKeyPair(): ReportKeyPair {
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" });
  return { publicKey: jwk.x!, privateKey: jwk.d! };
}

export function privateKeyObject(pair: ReportKeyPair): KeyObject {
  return createPrivateKey({
    key: { kty: "OKP", crv: "Ed25519", x: pair.publicKey, d: pair.privateKey },
    format: "jwk",
  });
}

/** Throws on a string that is not a 32-byte Ed25519 public key. */
export function publicKeyObject(publicKey: string): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: publicKey }, format: "jwk" });
}
