import { z } from "zod";

import { CourseIdTakenError } from "@/db/queries/studio-courses";
import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { createCourse } from "@/lib/studio/course-service";
import { requireStudioUser } from "@/lib/studio/route-access";

const newCourseSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single dashes)")
    .max(60),
  title: z.string().trim().min(1).max(120),
});

/** POST /api/studio/courses — an instructor starts a course (a draft with one lesson). */
export const POST = handle(async (request: Request) => {
  const { db, user } = await requireStudioUser();
  const input = await readJsonBody(request, newCourseSchema, 4096);
  try {
    const course = await createCourse(db, user, input);
    return Response.json({ id: course.id }, { status: 201 });
  } catch (error) {
    if (error instanceof CourseIdTakenError) return errorResponse(409, { message: error.message });
    throw error;
  }
});
