import { getDatabase } from "@/db/client";
import { countFailedAttempts, recordAttempt } from "@/db/queries/attempts";
import { addSkillEvidence } from "@/db/queries/progress";
import { getCurrentUser } from "@/lib/auth/guards";
import { getLessonChecks } from "@/lib/grading/repository";
import { hintsFor, solutionUnlocked } from "@/lib/grading/hints";
import { BadRequestError, errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { renderMarkdown } from "@/lib/notebook/render-markdown";
import { runTask } from "@/lib/tasks/service";

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
  const db = getDatabase().db;

  const checks = await getLessonChecks(body.courseId, body.lessonId);
  const exercise = checks?.exercises.find((e) => e.cell === body.cellId);
  if (!checks || !exercise)
    throw new BadRequestError(
      400,
      `no exercise ${body.cellId} in ${body.courseId}/${body.lessonId}`,
    );

  const graded = await runTask(
    "grade",
    { exercise, source: body.source },
    { request, userId: user?.id },
  );
  if (!graded.ok) return errorResponse(422, { ...graded.error });
  const feedback = graded.value;

  let failedAttempts = body.guestFailedAttempts ?? 0;
  let recorded = false;
  if (user) {
    const attempt = await recordAttempt(db, {
      userId: user.id,
      attemptKey: body.attemptKey,
      courseId: body.courseId,
      lessonId: body.lessonId,
      cellId: body.cellId,
      source: body.source,
      passed: feedback.passed,
      score: feedback.fidelity ?? null,
      feedback,
    });
    recorded = attempt.isNew;
    if (attempt.firstSolve) {
      await addSkillEvidence(
        db,
        user.id,
        checks.lesson.meta.skills.map((skillId) => ({
          skillId,
          kind: "exercise" as const,
          ref: `${body.courseId}/${body.cellId}`,
          score: 1,
        })),
      );
    }
    failedAttempts = await countFailedAttempts(db, user.id, body.courseId, body.cellId);
  } else if (!feedback.passed) {
    failedAttempts += 1;
  }

  const showSolution =
    Boolean(user) && (feedback.passed || solutionUnlocked(exercise, failedAttempts));
  return Response.json({
    feedback,
    failedAttempts,
    recorded,
    hints: hintsFor(exercise, failedAttempts).map(renderMarkdown),
    hintsTotal: exercise.hints.length,
    solutionAfter: exercise.solutionAfter,
    solutionHtml: showSolution ? renderMarkdown(exercise.solution) : null,
    signedIn: Boolean(user),
  });
});
