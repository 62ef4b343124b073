import "server-only";

import type { Database } from "@/db/client";
import { findStudioCourse, teachesStudioCourse } from "@/db/queries/studio-courses";
import type { PublicUser } from "@/db/queries/users";
import type { StudioCourseRow } from "@/db/schema";

/**
 * Who may do what in the studio, in one place. Instructors and admins use the studio; a course
 * is edited (and its learners seen) only by its owner, its co-instructors and admins. For anyone
 * else a course they do not teach does not exist (404), so ids cannot be probed.
 */

export function usesStudio(user: PublicUser): boolean {
  return user.role === "instructor" || user.role === "admin";
}

/** The course if `user` may edit it; undefined for a missing course and for one they do not teach. */
export async function findEditableCourse(
  db: Database,
  user: PublicUser,
  courseId: string,
): Promise<StudioCourseRow | undefined> {
  if (!usesStudio(user)) return undefined;
  const course = await findStudioCourse(db, courseId);
  if (!course) return undefined;
  if (user.role === "admin") return course;
  return (await teachesStudioCourse(db, course, user.id)) ? course : undefined;
}

/** Only the owner (or an admin) adds and removes co-instructors. */
export function managesMembers(user: PublicUser, course: StudioCourseRow): boolean {
  return user.role === "admin" || course.ownerId === user.id;
}
