import { getDatabase } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { answerReview } from "@/lib/grading/service";
import { readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { reviewAnswerSchema } from "../../quiz/schema";

/**
 * POST /api/review/answer — a review question answered again; moves it between Leitner boxes,
 * once per attempt key (a retried request gets the first answer back, and the box stays put).
 */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request, reviewAnswerSchema, 128 * 1024);
  const answered = await answerReview(getDatabase().db, { ...body, request, userId: user.id });
  return Response.json(answered);
});
