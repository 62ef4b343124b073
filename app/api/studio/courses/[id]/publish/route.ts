import { z } from "zod";

import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { publishDraft } from "@/lib/studio/course-service";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

const publishSchema = z.object({ note: z.string().trim().max(500).default("") });

/**
 * POST /api/studio/courses/<id>/publish — the draft becomes the next version, which learners see
 * at once; 422 with the located problems when the draft does not load.
 */
export const POST = handle(async (request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  const { note } = await readJsonBody(request, publishSchema, 4096);
  const outcome = await publishDraft(
    found.db,
    { request, userId: found.user.id, user: found.user },
    found.course,
    note,
  );
  if (!outcome.ok) {
    return errorResponse(422, {
      message: "Fix the problems in the draft before publishing.",
      problems: outcome.problems,
    });
  }
  return Response.json({ version: outcome.version });
});
