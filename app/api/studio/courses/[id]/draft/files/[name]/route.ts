import { z } from "zod";

import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { fileRefusal, saveFile, STUDIO_LIMITS } from "@/lib/studio/course-service";
import { editableCourseOr404 } from "@/lib/studio/route-access";

interface FileParams {
  readonly params: Promise<{ id: string; name: string }>;
}

const saveSchema = z.object({ text: z.string(), baseRevision: z.number().int().min(0) });
const deleteSchema = z.object({ baseRevision: z.number().int().min(0) });

/** The body can hold the largest file, JSON-escaped (every character may double, at worst). */
const MAX_BODY_BYTES = STUDIO_LIMITS.maxFileBytes * 2 + 1024;

async function write(request: Request, { params }: FileParams, remove: boolean) {
  const { id, name } = await params;
  const found = await editableCourseOr404(id);
  if (found instanceof Response) return found;
  const body = remove
    ? { ...(await readJsonBody(request, deleteSchema, 1024)), text: null }
    : await readJsonBody(request, saveSchema, MAX_BODY_BYTES);
  const refusal = fileRefusal(name, body.text);
  if (refusal) return errorResponse(refusal.status, { message: refusal.message });
  const outcome = await saveFile(
    found.db,
    { request, userId: found.user.id, user: found.user },
    found.course,
    {
      name,
      text: body.text,
      baseRevision: body.baseRevision,
    },
  );
  if (outcome.ok) return Response.json({ revision: outcome.revision, problems: outcome.problems });
  switch (outcome.reason) {
    case "conflict":
      return errorResponse(409, {
        message: `${name} was changed elsewhere (another tab or instructor) since you opened it.`,
        revision: outcome.revision,
        text: outcome.text,
      });
    case "too-many-files":
      return errorResponse(413, {
        message: `a course is limited to ${outcome.limit} files (maxFiles)`,
        limit: "maxFiles",
      });
    case "no-course":
      return errorResponse(404, { message: "No course of yours has that id." });
  }
}

/**
 * PUT /api/studio/courses/<id>/draft/files/<name> — autosave of one file, `{ text, baseRevision }`;
 * 409 with the stored text when the file changed after `baseRevision`. The answer lists what the
 * loader finds wrong with the draft now (located), which never stops the save.
 */
export const PUT = handle((request: Request, context: FileParams) =>
  write(request, context, false),
);

/** DELETE …/files/<name> — removes a file from the draft, `{ baseRevision }`. */
export const DELETE = handle((request: Request, context: FileParams) =>
  write(request, context, true),
);
