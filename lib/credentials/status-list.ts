import {
  BitstringStatusList,
  createCredential,
} from "@digitalcredentials/vc-bitstring-status-list";

/** Where this deployment serves status list `list`. */
export function statusListUrl(origin: string, list: number): string {
  return `${origin}/api/credentials/status/${list}`;
}

const STATUS_PATH = /^\/api\/credentials\/status\/(\d{1,9})$/;

/** The list number of one of our status list URLs (any host), or undefined. */
export function statusListNumber(url: string): number | undefined {
  try {
    const match = STATUS_PATH.exec(new URL(url).pathname);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** A credential's `credentialStatus`: revocation by bit `index` of list `list`. */
export function revocationEntry(origin: string, slot: { list: number; index: number }) {
  const url = statusListUrl(origin, slot.list);
  return {
    id: `${url}#${slot.index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: "revocation",
    statusListIndex: String(slot.index),
    statusListCredential: url,
  };
}

/** The unsigned BitstringStatusListCredential for one list, with the given bits set. */
export async function unsignedStatusListCredential(options: {
  origin: string;
  list: number;
  length: number;
  revokedIndexes: readonly number[];
  issuerDid: string;
  validFrom: Date;
}): Promise<Record<string, unknown>> {
  const bits = new BitstringStatusList({ length: options.length });
  for (const index of options.revokedIndexes) bits.setStatus(index, true);
  const credential = await createCredential({
    id: statusListUrl(options.origin, options.list),
    list: bits,
    statusPurpose: "revocation",
  });
  return { ...credential, issuer: options.issuerDid, validFrom: options.validFrom.toISOString() };
}
