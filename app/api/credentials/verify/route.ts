import { getDatabase } from "@/db/client";
import { findIssuedCredential } from "@/db/queries/credentials";
import { checkSubmitted } from "@/lib/credentials/service";
import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { handle } from "@/lib/http/route-errors";

import { credentialIdInUrl, MAX_CREDENTIAL_BYTES, verifyBodySchema } from "./schema";

/**
 * POST /api/credentials/verify — checks an Open Badges credential (or bundle), a skill report in
 * the legacy format, or the URL of a credential on this site (read from the database, never
 * fetched: the server makes no outbound requests for anyone). Open to anyone, as an employer
 * has no account; rate-limited like the other compute routes, as checking proofs is real work.
 */
export const POST = handle(async (request: Request) => {
  await enforceRateLimit(request, "verify", "verifications");
  const body = await readJsonBody(request, verifyBodySchema, MAX_CREDENTIAL_BYTES);
  const db = getDatabase().db;
  let document: unknown = body;
  if (typeof body.url === "string" && Object.keys(body).length === 1) {
    const id = credentialIdInUrl(body.url);
    if (!id) {
      return errorResponse(400, {
        message: "Only credential URLs of this site (…/api/credentials/<id>) can be checked here.",
      });
    }
    const row = await findIssuedCredential(db, id);
    if (!row?.document) return errorResponse(404, { message: "No credential at that URL." });
    document = row.document;
  }
  return Response.json(await checkSubmitted(db, document, new Date()));
});
