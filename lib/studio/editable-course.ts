import "server-only";

import { notFound, redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { readDraft } from "@/db/queries/studio-courses";
import { getCurrentUser } from "@/lib/auth/guards";

import { findEditableCourse } from "./access";

export interface EditableCourse {
  readonly course: {
    readonly id: string;
    readonly title: string;
    readonly ownerId: string;
    readonly publishedVersion: number | null;
  };
  readonly revision: number;
  readonly files: Record<string, string>;
  readonly user: { readonly id: string; readonly role: string };
}

/**
 * A studio page's course and its draft, for someone who may edit it. A guest is sent to sign
 * in; anyone else who does not teach the course gets the same 404 as for a course that does not
 * exist.
 */
export async function loadEditableCourse(courseId: string): Promise<EditableCourse> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/studio/courses/${courseId}`)}`);
  const db = getDatabase().db;
  const course = await findEditableCourse(db, user, courseId);
  if (!course) notFound();
  const draft = await readDraft(db, course.id);
  return {
    course: {
      id: course.id,
      title: course.title,
      ownerId: course.ownerId,
      publishedVersion: course.publishedVersion,
    },
    revision: draft?.revision ?? 0,
    files: { ...draft?.files },
    user: { id: user.id, role: user.role },
  };
}
