import { errorResponse, readBodyBytes } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { IpynbImportError, MAX_IMPORTED_LESSON_BYTES } from "@/lib/notebook/ipynb-import";
import { ImportRefusedError, importLessonNotebook } from "@/lib/studio/course-import";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../../params";

/** A notebook carries outputs we drop; its upload may be larger than the lesson it becomes. */
const MAX_NOTEBOOK_BYTES = 4 * MAX_IMPORTED_LESSON_BYTES;

/**
 * POST /api/studio/courses/<id>/lessons/import?name=<file.ipynb> — a Jupyter notebook (body)
 * becomes a lesson at the end of the draft: a notebook exported from Ketbook comes back as its
 * lesson file exactly; any other becomes prose and circuit cells to edit.
 */
export const POST = handle(async (request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  const name = new URL(request.url).searchParams.get("name") ?? "notebook.ipynb";
  const bytes = await readBodyBytes(request, MAX_NOTEBOOK_BYTES);
  let notebook: unknown;
  try {
    notebook = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return errorResponse(400, { message: "the file is not a Jupyter notebook (.ipynb is JSON)" });
  }
  try {
    const stem = await importLessonNotebook(found.db, found.user, found.course, notebook, name);
    return Response.json({ stem }, { status: 201 });
  } catch (error) {
    if (error instanceof IpynbImportError) return errorResponse(400, { message: error.message });
    if (error instanceof ImportRefusedError)
      return errorResponse(error.status, { message: error.message });
    throw error;
  }
});
