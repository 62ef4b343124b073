import { getDatabase } from "@/db/client";
import { findPublicProfile } from "@/db/queries/roadmap";
import { requireUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { signedLearnerReport } from "@/lib/report/service";

import { reportQuerySchema } from "./schema";

/**
 * GET /api/report — the signed-in learner's signed skill report, as a file download.
 * GET /api/report?handle=h — the same for a public profile (404 unless its owner made it public).
 */
export const GET = handle(async (request: Request) => {
  const url = new URL(request.url);
  const query = reportQuerySchema.safeParse({
    handle: url.searchParams.get("handle") ?? undefined,
  });
  if (!query.success) return errorResponse(400, { message: query.error.issues[0].message });
  const db = getDatabase().db;
  let learner: { id: string; name: string; handle: string | null };
  if (query.data.handle !== undefined) {
    const profile = await findPublicProfile(db, query.data.handle);
    if (!profile) return errorResponse(404, { message: "No public profile with that handle." });
    learner = { id: profile.userId, name: profile.name, handle: profile.handle };
  } else {
    const user = await requireUser();
    learner = { id: user.id, name: user.name, handle: null };
  }
  const signed = await signedLearnerReport(db, learner, url.origin, new Date());
  const date = signed.report.issuedAt.slice(0, 10);
  return new Response(JSON.stringify(signed, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="ketbook-skill-report-${date}.json"`,
      "cache-control": "no-store",
    },
  });
});
