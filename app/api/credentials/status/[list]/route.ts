import { getDatabase } from "@/db/client";
import { signedStatusList } from "@/lib/credentials/service";
import { errorResponse } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { statusListParamSchema } from "../../schema";

interface Params {
  params: Promise<{ list: string }>;
}

/**
 * GET /api/credentials/status/<n> — the Bitstring Status List credential for list n, signed now
 * by the issuer's did:key, that verifiers fetch to see whether a credential was revoked. Public
 * (it says only which slots are revoked) and never cached long, so a revocation shows at once.
 */
export const GET = handle(async (request: Request, { params }: Params) => {
  const list = statusListParamSchema.safeParse((await params).list);
  if (!list.success) return errorResponse(404, { message: "No such status list." });
  const origin = new URL(request.url).origin;
  const credential = await signedStatusList(getDatabase().db, origin, list.data, new Date());
  return Response.json(credential, { headers: { "cache-control": "public, max-age=60" } });
});
