import { getDatabase } from "@/db/client";
import { updateReview } from "@/db/queries/quizzes";
import { requireUser } from "@/lib/auth/guards";
import { getLessonChecks } from "@/lib/grading/repository";
import { gradeQuizSubmission } from "@/lib/grading/submit-quiz";
import { BadRequestError, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { reviewAnswerSchema } from "../../quiz/schema";

/** POST /api/review/answer — a review question answered again; moves it between Leitner boxes. */
export const POST = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request, reviewAnswerSchema, 128 * 1024);
  const checks = await getLessonChecks(body.courseId, body.lessonId);
  const question = checks?.quiz?.questions.find((q) => q.id === body.questionId);
  if (!checks?.quiz || !question)
    throw new BadRequestError(
      400,
      `no question ${body.questionId} in ${body.courseId}/${body.lessonId}`,
    );
  const single = { ...checks.quiz, questions: [question] };
  const report = await gradeQuizSubmission(
    single,
    { [question.id]: body.answer },
    `/learn/${body.courseId}/${checks.lesson.meta.slug}`,
    request,
    user.id,
  );
  const correct = report.result.questions[0].correct;
  await updateReview(getDatabase().db, user.id, body.courseId, body.lessonId, question.id, correct);
  return Response.json({ ...report, correct });
});
