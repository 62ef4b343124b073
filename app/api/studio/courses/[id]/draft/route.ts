import { readDraft } from "@/db/queries/studio-courses";
import { handle } from "@/lib/http/route-errors";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

/** GET /api/studio/courses/<id>/draft — the draft's files and its revision, for the editor. */
export const GET = handle(async (_request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  const draft = await readDraft(found.db, found.course.id);
  return Response.json(
    { revision: draft?.revision ?? 0, files: draft?.files ?? {}, updatedAt: draft?.updatedAt },
    { headers: { "cache-control": "no-store" } },
  );
});
