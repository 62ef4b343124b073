import { getDatabase } from "@/db/client";
import { listExperimentResults } from "@/db/queries/experiments";
import { requireUser } from "@/lib/auth/guards";
import { BadRequestError } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

import { cellQuerySchema } from "../../progress/cells/schema";

/** The signed-in learner's latest experiment results for a lesson (their own only). */
export const GET = handle(async (request: Request) => {
  const user = await requireUser();
  const query = cellQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    throw new BadRequestError(
      400,
      `courseId and lessonId are required: ${query.error.issues[0].message}`,
    );
  }
  const results = await listExperimentResults(
    getDatabase().db,
    user.id,
    query.data.courseId,
    query.data.lessonId,
  );
  return Response.json({
    results: results.map((r) => ({
      cellId: r.cellId,
      source: r.source,
      result: r.result,
      savedAt: r.savedAt.getTime(),
    })),
  });
});
