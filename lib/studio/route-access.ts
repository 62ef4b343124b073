import "server-only";

import { getDatabase, type Database } from "@/db/client";
import type { PublicUser } from "@/db/queries/users";
import type { StudioCourseRow } from "@/db/schema";
import { ForbiddenError, requireUser } from "@/lib/auth/guards";
import { errorResponse } from "@/lib/http/json-body";

import { findEditableCourse, usesStudio } from "./access";

export interface StudioAsker {
  readonly db: Database;
  readonly user: PublicUser;
}

/** The signed-in instructor or admin: 401 for a guest, 403 for a learner. */
export async function requireStudioUser(): Promise<StudioAsker> {
  const user = await requireUser();
  if (!usesStudio(user)) throw new ForbiddenError("The studio is for instructors and admins.");
  return { db: getDatabase().db, user };
}

/**
 * The course a studio route acts on, when the asker may edit it; otherwise the response to send
 * (401 guest, 403 learner, 404 a course they do not teach: its existence is not revealed).
 */
export async function editableCourseOr404(
  courseId: string,
): Promise<(StudioAsker & { readonly course: StudioCourseRow }) | Response> {
  const asker = await requireStudioUser();
  const course = await findEditableCourse(asker.db, asker.user, courseId);
  if (!course) return errorResponse(404, { message: "No course of yours has that id." });
  return { ...asker, course };
}
