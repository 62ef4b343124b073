import { z } from "zod";

/** Credential files are small (tens of kilobytes); refuse anything far larger unread. */
export const MAX_CREDENTIAL_BYTES = 512 * 1024;

/**
 * Either `{ url }`, the address of a credential on this site, or the document itself (any JSON
 * object; the verifier says plainly when it is not a credential).
 */
export const verifyBodySchema = z.union([
  z.object({ url: z.string().max(2000) }).strict(),
  z.record(z.string(), z.unknown()),
]);

const CREDENTIAL_PATH = /^\/api\/credentials\/([0-9a-f-]{36})\/?$/i;

/** The credential id in a URL of this site's credentials, or undefined. */
export function credentialIdInUrl(url: string): string | undefined {
  try {
    return CREDENTIAL_PATH.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  } catch {
    return undefined;
  }
}
