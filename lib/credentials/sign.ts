import { DataIntegrityProof } from "@digitalcredentials/data-integrity";
import { cryptosuite } from "@digitalcredentials/eddsa-rdfc-2022-cryptosuite";
import { issue } from "@digitalcredentials/vc";

import { offlineDocumentLoader } from "./document-loader";
import type { IssuerKey } from "./issuer-key";

/** Secures a credential with a Data Integrity proof (eddsa-rdfc-2022) by the issuer's key. */
export async function signCredential(
  credential: Record<string, unknown>,
  key: IssuerKey,
): Promise<Record<string, unknown>> {
  const suite = new DataIntegrityProof({ signer: key.signer, cryptosuite });
  return issue({ credential, suite, documentLoader: offlineDocumentLoader() });
}
