import { getDatabase } from "@/db/client";
import { listExperimentResults } from "@/db/queries/experiments";
import { requireUser } from "@/lib/auth/guards";
import { readLessonQuery } from "@/lib/http/lesson-query";
import { handle } from "@/lib/http/route-errors";

/** The signed-in learner's latest experiment results for a lesson (their own only). */
export const GET = handle(async (request: Request) => {
  const user = await requireUser();
  const { courseId, lessonId } = readLessonQuery(request);
  const results = await listExperimentResults(getDatabase().db, user.id, courseId, lessonId);
  return Response.json({
    results: results.map((r) => ({
      cellId: r.cellId,
      source: r.source,
      result: r.result,
      savedAt: r.savedAt.getTime(),
    })),
  });
});
