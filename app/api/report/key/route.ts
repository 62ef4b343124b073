import { getDatabase } from "@/db/client";
import { getOrCreateReportKeys } from "@/lib/report/stored-keys";
import { handle } from "@/lib/http/route-errors";

/** The deployment's public report key, for `npm run verify-report -- FILE --issuer URL`. */
export const GET = handle(async () => {
  const { publicKey } = await getOrCreateReportKeys(getDatabase().db);
  return Response.json({ algorithm: "Ed25519", publicKey });
});
