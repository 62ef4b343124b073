import { getDatabase } from "@/db/client";
import { addSkillEvidence } from "@/db/queries/progress";
import { recordQuizAttempt } from "@/db/queries/quizzes";
import { getCurrentUser } from "@/lib/auth/guards";
import { getLessonChecks } from "@/lib/grading/repository";
import { gradeQuizSubmission } from "@/lib/grading/submit-quiz";
import { BadRequestError, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { quizSubmitSchema } from "../schema";

/**
 * POST /api/quiz/submit — grades a quiz on the server. Anyone may take a quiz; for signed-in
 * learners the attempt is stored (once per attempt key), wrong answers enter spaced review, and
 * a pass becomes skill evidence.
 */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, quizSubmitSchema, 256 * 1024);
  const checks = await getLessonChecks(body.courseId, body.lessonId);
  if (!checks?.quiz)
    throw new BadRequestError(400, `lesson ${body.courseId}/${body.lessonId} has no quiz`);
  const quiz = checks.quiz;
  const lessonPath = `/learn/${body.courseId}/${checks.lesson.meta.slug}`;
  const user = await getCurrentUser();
  const report = await gradeQuizSubmission(quiz, body.answers, lessonPath, request, user?.id);

  let recorded = false;
  if (user) {
    const db = getDatabase().db;
    const { isNew } = await recordQuizAttempt(db, {
      userId: user.id,
      attemptKey: body.attemptKey,
      courseId: body.courseId,
      lessonId: body.lessonId,
      quizId: quiz.id,
      answers: body.answers,
      results: report.result,
      score: report.result.score,
      passed: report.result.passed,
      secondsTaken: body.secondsTaken,
      outcomes: report.result.questions.map((q) => ({ questionId: q.id, correct: q.correct })),
    });
    recorded = isNew;
    if (isNew && report.result.passed) {
      await addSkillEvidence(
        db,
        user.id,
        checks.lesson.meta.skills.map((skillId) => ({
          skillId,
          kind: "quiz" as const,
          ref: `${body.courseId}/${quiz.id}`,
          score: report.result.score,
        })),
      );
    }
  }
  return Response.json({ ...report, recorded, signedIn: Boolean(user) });
});
