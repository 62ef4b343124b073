import { z } from "zod";

import { addCourseMember, listCourseMembers } from "@/db/queries/studio-courses";
import { findUserByEmail } from "@/db/queries/users";
import { ForbiddenError } from "@/lib/auth/guards";
import { errorResponse, readJsonBody } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { managesMembers } from "@/lib/studio/access";
import { editableCourseOr404 } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

const addSchema = z.object({ email: z.string().trim().min(3).max(320) });

/** GET /api/studio/courses/<id>/members — the co-instructors. */
export const GET = handle(async (_request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  return Response.json({ members: await listCourseMembers(found.db, found.course.id) });
});

/**
 * POST /api/studio/courses/<id>/members — `{ email }`: the owner (or an admin) adds a
 * co-instructor, who must already be an instructor.
 */
export const POST = handle(async (request: Request, { params }: CourseParams) => {
  const found = await editableCourseOr404((await params).id);
  if (found instanceof Response) return found;
  if (!managesMembers(found.user, found.course)) {
    throw new ForbiddenError("Only the course's owner or an admin adds co-instructors.");
  }
  const { email } = await readJsonBody(request, addSchema, 1024);
  const member = await findUserByEmail(found.db, email);
  if (!member) return errorResponse(404, { message: `No one has signed up as ${email}.` });
  if (member.role !== "instructor" && member.role !== "admin") {
    return errorResponse(422, {
      message: `${email} is not an instructor yet: an admin can change their role on the admin page.`,
    });
  }
  if (member.id === found.course.ownerId) {
    return errorResponse(422, { message: `${email} owns this course already.` });
  }
  await addCourseMember(found.db, found.course.id, member.id);
  return Response.json({ members: await listCourseMembers(found.db, found.course.id) });
});
