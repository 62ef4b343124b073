import { getDatabase } from "@/db/client";
import { getOrCreateReportKeys } from "@/lib/report/stored-keys";
import { readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { verifySkillReport } from "@/lib/report/sign";

import { MAX_REPORT_BYTES, verifyBodySchema } from "./schema";

/**
 * POST a signed report: is it untouched and signed by this deployment? Open to anyone (an
 * employer has no account); it only reads the public key.
 */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, verifyBodySchema, MAX_REPORT_BYTES);
  const { publicKey } = await getOrCreateReportKeys(getDatabase().db);
  const result = verifySkillReport(body, publicKey);
  return Response.json(result);
});
