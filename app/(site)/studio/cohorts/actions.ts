"use server";

import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { requireRole } from "@/lib/auth/guards";
import { createCohortForm } from "@/lib/cohorts/cohort-forms";
import { courseRepository } from "@/lib/courses/repository";

/** Starts a cohort and opens its page (invite link, code, roster); a problem returns as a code. */
export async function createCohortAction(formData: FormData): Promise<void> {
  const actor = await requireRole("instructor", "admin");
  const courseIds = new Set((await courseRepository.listCourses()).map((c) => c.id));
  const outcome = await createCohortForm(
    getDatabase().db,
    actor,
    {
      name: formData.get("name"),
      courseId: formData.get("courseId"),
      closesOn: formData.get("closesOn") ?? "",
    },
    courseIds,
    new Date(),
  );
  redirect(
    outcome.ok
      ? `/studio/cohorts/${outcome.cohort.id}`
      : `/studio?cohortProblem=${outcome.problem}`,
  );
}
