import { getDatabase } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { issueLearnerCredential, NothingToCertifyError } from "@/lib/credentials/service";
import { errorResponse } from "@/lib/http/json-body";
import { enforceRateLimit } from "@/lib/http/rate-limit";
import { handle } from "@/lib/http/route-errors";

/** Issuances per learner per minute: each signs a credential per earned skill level. */
const ISSUE_RATE_PER_MINUTE = Number(process.env.KETBOOK_CREDENTIAL_RATE_LIMIT ?? 10);

/**
 * POST /api/credentials — issues the signed-in learner's Open Badges credential bundle (one
 * OpenBadgeCredential per earned skill level) and answers it as a file download; it can be
 * fetched again at its URL (Location) and revoked from /me/settings.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  await enforceRateLimit(
    request,
    "credential",
    "credentials issued",
    user.id,
    ISSUE_RATE_PER_MINUTE,
  );
  const db = getDatabase().db;
  const origin = new URL(request.url).origin;
  let issued;
  try {
    issued = await issueLearnerCredential(db, user, origin, new Date());
  } catch (error) {
    if (error instanceof NothingToCertifyError)
      return errorResponse(409, { message: error.message });
    throw error;
  }
  const date = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(issued.document, null, 2), {
    status: 201,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="ketbook-credential-${date}.json"`,
      location: `/api/credentials/${issued.id}`,
      "cache-control": "no-store",
    },
  });
});
