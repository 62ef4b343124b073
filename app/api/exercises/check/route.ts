import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { checkExercise } from "@/lib/grading/service";
import { readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { checkRequestSchema } from "./schema";

/**
 * POST /api/exercises/check — grades a learner's circuit on the server. The check and its
 * reference solution never leave the server; the answer is the feedback, the hints unlocked so
 * far and, for signed-in learners after enough honest attempts, the worked solution.
 * Guests are graded too, but nothing is stored for them.
 */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, checkRequestSchema, 80 * 1024);
  const user = await getCurrentUser();
  const result = await checkExercise(getDatabase().db, { ...body, request, userId: user?.id });
  return Response.json(result);
});
