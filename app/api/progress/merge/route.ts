import { getDatabase } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { mergeGuestWork } from "@/lib/progress/merge-guest-work";

import { mergeRequestSchema } from "./schema";

/**
 * POST /api/progress/merge — moves the work a guest did in this browser into the signed-in
 * learner's account: code, completed lessons, and exercises and quiz attempts graded again on
 * the server. Only into the asker's own account: the user is always the session's.
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request, mergeRequestSchema, 8 * 1024 * 1024);
  const report = await mergeGuestWork(getDatabase().db, { request, userId: user.id }, body);
  return Response.json(report);
});
