import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { submitQuiz } from "@/lib/grading/service";
import { readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { quizSubmitSchema } from "../schema";

/**
 * POST /api/quiz/submit — grades a quiz on the server. Anyone may take a quiz; for signed-in
 * learners the attempt is stored (once per attempt key), wrong answers enter spaced review, and
 * a pass becomes skill evidence.
 */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, quizSubmitSchema, 256 * 1024);
  const user = await getCurrentUser();
  const submission = await submitQuiz(getDatabase().db, { ...body, request, userId: user?.id });
  return Response.json(submission);
});
