import { z } from "zod";

import { readDraft } from "@/db/queries/studio-courses";
import { readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { previewLesson, STUDIO_LIMITS } from "@/lib/studio/course-service";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

const previewSchema = z.object({
  name: z.string().regex(/^\d{2}-[a-z0-9-]+\.md$/, "must be a lesson file name like 01-welcome.md"),
  text: z.string(),
});

/**
 * POST /api/studio/courses/<id>/preview — `{ name, text }` rendered as learners would see it, by
 * the real parser and renderer (sanitised), or the located problem that stops it; nothing is saved.
 */
export const POST = handle(async (request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  const body = await readJsonBody(request, previewSchema, STUDIO_LIMITS.maxFileBytes * 2 + 1024);
  const draft = await readDraft(found.db, found.course.id);
  return Response.json(
    await previewLesson(found.course.id, body.name, body.text, draft?.files ?? {}),
  );
});
