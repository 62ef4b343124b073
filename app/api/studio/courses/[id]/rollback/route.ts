import { z } from "zod";

import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { rollBack } from "@/lib/studio/course-service";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

const rollbackSchema = z.object({ version: z.number().int().min(1) });

/**
 * POST /api/studio/courses/<id>/rollback — `{ version }`: that version's files become the draft
 * and are published again as a new version (the history only grows).
 */
export const POST = handle(async (request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  const { version } = await readJsonBody(request, rollbackSchema, 1024);
  const outcome = await rollBack(
    found.db,
    { request, userId: found.user.id, user: found.user },
    found.course,
    version,
  );
  if ("missing" in outcome)
    return errorResponse(404, { message: `There is no version ${version}.` });
  if (!outcome.ok) {
    return errorResponse(422, {
      message: `Version ${version} no longer loads.`,
      problems: outcome.problems,
    });
  }
  return Response.json({ version: outcome.version });
});
