import { listCourseMembers, removeCourseMember } from "@/db/queries/studio-courses";
import { ForbiddenError } from "@/lib/auth/guards";
import { handle } from "@/lib/http/route-errors";
import { managesMembers } from "@/lib/studio/access";
import { editableCourseOr404 } from "@/lib/studio/route-access";

interface MemberParams {
  readonly params: Promise<{ id: string; userId: string }>;
}

/** DELETE /api/studio/courses/<id>/members/<userId> — the owner (or an admin) removes one. */
export const DELETE = handle(async (_request: Request, { params }: MemberParams) => {
  const { id, userId } = await params;
  const found = await editableCourseOr404(id);
  if (found instanceof Response) return found;
  if (!managesMembers(found.user, found.course)) {
    throw new ForbiddenError("Only the course's owner or an admin removes co-instructors.");
  }
  await removeCourseMember(found.db, found.course.id, [userId]);
  return Response.json({ members: await listCourseMembers(found.db, found.course.id) });
});
