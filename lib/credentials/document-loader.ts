import type { DocumentLoader } from "@digitalcredentials/vc";
import { securityLoader } from "@digitalcredentials/security-document-loader";

/**
 * A JSON-LD document loader that never touches the network: the contexts (VC 2.0, Data
 * Integrity, Multikey, Bitstring Status List, Open Badges 3.0) come bundled with the packages,
 * `did:key` DIDs resolve from the key itself, and `documents` adds what the caller already holds
 * (a status list credential read from the database). Anything else, `did:web` included, is
 * refused, so verifying a credential can neither be slowed nor steered by a remote server.
 */
export function offlineDocumentLoader(
  documents: ReadonlyMap<string, unknown> = new Map(),
): DocumentLoader {
  const builder = securityLoader({ fetchRemoteContexts: false });
  for (const [url, document] of documents) builder.addStatic(url, document);
  const load = builder.build();
  return async (url: string) => {
    if (url.startsWith("did:") && !url.startsWith("did:key:")) {
      throw new Error(`Only did:key issuers resolve offline; refused ${url}`);
    }
    return load(url);
  };
}
