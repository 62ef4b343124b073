import { listVersions } from "@/db/queries/studio-courses";
import { handle } from "@/lib/http/route-errors";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

/** GET /api/studio/courses/<id>/versions — the published versions, newest first. */
export const GET = handle(async (_request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  return Response.json({
    published: found.course.publishedVersion,
    versions: await listVersions(found.db, found.course.id),
  });
});
