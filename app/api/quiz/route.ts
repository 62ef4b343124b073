import { getLessonChecks } from "@/lib/courses/repository";
import { renderPublicQuiz } from "@/lib/grading/public-view";
import { BadRequestError } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { quizQuerySchema } from "./schema";

/**
 * GET /api/quiz?courseId&lessonId&seed — a lesson's quiz as the browser may see it: prompts and
 * options only (no answers, no explanations), shuffled by `seed` for a retry. Public, like lessons.
 * A quiz file that does not load is a 500 (logged with its file and line), never "no quiz".
 */
export const GET = handle(async (request: Request) => {
  const query = quizQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new BadRequestError(400, query.error.issues[0].message);
  const checks = await getLessonChecks(query.data.courseId, query.data.lessonId);
  if (!checks?.quiz)
    throw new BadRequestError(
      400,
      `lesson ${query.data.courseId}/${query.data.lessonId} has no quiz`,
    );
  return Response.json(renderPublicQuiz(checks.quiz, query.data.seed), {
    headers: { "cache-control": "no-store" },
  });
});
