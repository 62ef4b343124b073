import { readDraft, readVersion } from "@/db/queries/studio-courses";
import { errorResponse } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { diffTrees } from "@/lib/studio/line-diff";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

/**
 * GET /api/studio/courses/<id>/diff?from=<version>&to=<version|draft> — what changed, file by
 * file and line by line (`to` defaults to the draft).
 */
export const GET = handle(async (request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  const query = new URL(request.url).searchParams;
  const side = async (value: string | null) => {
    if (value === null || value === "draft")
      return (await readDraft(found.db, found.course.id))?.files;
    if (!/^[1-9]\d{0,8}$/.test(value)) return undefined;
    return readVersion(found.db, found.course.id, Number(value));
  };
  const [from, to] = await Promise.all([side(query.get("from")), side(query.get("to"))]);
  if (!from || !to) {
    return errorResponse(404, {
      message: "from and to must name versions of this course, or draft.",
    });
  }
  return Response.json({ files: diffTrees(from, to) });
});
