import { getDatabase } from "@/db/client";
import { findIssuedCredential } from "@/db/queries/credentials";
import { errorResponse } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { credentialIdSchema } from "../schema";

interface Params {
  params: Promise<{ id: string }>;
}

/**
 * GET /api/credentials/<id> — an issued credential bundle. Open to anyone holding the URL (its
 * random id is the share link a learner hands an employer); `?download` answers it as a file.
 * A revoked one is still served: /verify then shows it revoked.
 */
export const GET = handle(async (request: Request, { params }: Params) => {
  const id = credentialIdSchema.safeParse((await params).id);
  const row = id.success ? await findIssuedCredential(getDatabase().db, id.data) : undefined;
  if (!row?.document) return errorResponse(404, { message: "No credential with that id." });
  const download = new URL(request.url).searchParams.has("download");
  return new Response(JSON.stringify(row.document, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      ...(download
        ? {
            "content-disposition": `attachment; filename="ketbook-credential-${row.issuedAt.toISOString().slice(0, 10)}.json"`,
          }
        : {}),
      "cache-control": "no-store",
    },
  });
});
