import { CourseIdTakenError } from "@/db/queries/studio-courses";
import { errorResponse, readBodyBytes } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { ArchiveError } from "@/lib/studio/course-archive";
import { ImportRefusedError, importCourseArchive } from "@/lib/studio/course-import";
import { MAX_COURSE_BYTES } from "@/lib/studio/course-tree";
import { requireStudioUser } from "@/lib/studio/route-access";

/**
 * POST /api/studio/courses/import[?id=<new id>] — a zip of a course folder in the content/ format
 * (body: the zip) becomes a new studio course owned by the asker; 400 with the reason for a zip
 * that is not a course, 409 for an id in use.
 */
export const POST = handle(async (request: Request) => {
  const { db, user } = await requireStudioUser();
  const id = new URL(request.url).searchParams.get("id")?.trim() || undefined;
  const bytes = await readBodyBytes(request, MAX_COURSE_BYTES);
  try {
    const course = await importCourseArchive(db, user, bytes, id);
    return Response.json({ id: course.id }, { status: 201 });
  } catch (error) {
    if (error instanceof ArchiveError) return errorResponse(400, { message: error.message });
    if (error instanceof ImportRefusedError)
      return errorResponse(error.status, { message: error.message });
    if (error instanceof CourseIdTakenError) return errorResponse(409, { message: error.message });
    throw error;
  }
});
