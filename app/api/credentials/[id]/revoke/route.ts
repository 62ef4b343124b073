import { getDatabase } from "@/db/client";
import { revokeIssuedCredential } from "@/db/queries/credentials";
import { requireUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { credentialIdSchema } from "../../schema";

interface Params {
  params: Promise<{ id: string }>;
}

/**
 * POST /api/credentials/<id>/revoke — the holder revokes one of their credentials: its bit in
 * the status list is set, so every verifier sees it revoked from then on. Someone else's
 * credential answers 404, as an unknown one does.
 */
export const POST = handle(async (_request: Request, { params }: Params) => {
  const user = await requireUser();
  const id = credentialIdSchema.safeParse((await params).id);
  const revoked =
    id.success && (await revokeIssuedCredential(getDatabase().db, user.id, id.data, new Date()));
  if (!revoked) return errorResponse(404, { message: "You have no credential with that id." });
  return Response.json({ revoked: true });
});
