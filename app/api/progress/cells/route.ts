import { getDatabase } from "@/db/client";
import { listCellCode, saveCellCode } from "@/db/queries/progress";
import { requireUser } from "@/lib/auth/guards";
import { readJsonBody } from "@/lib/http/json-body";
import { readLessonQuery } from "@/lib/http/lesson-query";
import { handle } from "@/lib/http/route-errors";

import { saveCellsSchema } from "./schema";

/**
 * The signed-in learner's saved code for a lesson. The user is always the session's: there is
 * no way to name another learner, so nobody can read or write someone else's work.
 */
export const GET = handle(async (request: Request) => {
  const user = await requireUser();
  const { courseId, lessonId } = readLessonQuery(request);
  const cells = await listCellCode(getDatabase().db, user.id, courseId, lessonId);
  return Response.json({
    cells: cells.map((c) => ({
      cellId: c.cellId,
      source: c.source,
      editedAt: c.editedAt.getTime(),
    })),
  });
});

/** Saves code; the newest edit of each cell wins, so two tabs and retries never lose work. */
export const PUT = handle(async (request: Request) => {
  const user = await requireUser();
  const body = await readJsonBody(request, saveCellsSchema, 4 * 1024 * 1024);
  await saveCellCode(
    getDatabase().db,
    user.id,
    body.courseId,
    body.lessonId,
    body.cells.map((c) => ({ cellId: c.cellId, source: c.source, editedAt: new Date(c.editedAt) })),
  );
  return Response.json({ saved: body.cells.length });
});
