"use server";

import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { inviteForCode, joinCohortForm, leaveCohortForm } from "@/lib/cohorts/cohort-forms";

/** Joins the cohort of the invite token in the form, with the learner's consent. */
export async function joinCohortAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const token = formData.get("token");
  const outcome = await joinCohortForm(
    getDatabase().db,
    user,
    { token, consent: formData.get("consent") },
    new Date(),
  );
  if (outcome.ok) redirect(`/join/${outcome.cohort.inviteToken}?joined=1`);
  redirect(
    typeof token === "string" && outcome.problem !== "not-found"
      ? `/join/${encodeURIComponent(token)}?problem=${outcome.problem}`
      : `/join?problem=${outcome.problem}`,
  );
}

/** A typed join code leads to its cohort's join page (with the consent), never straight in. */
export async function findByCodeAction(formData: FormData): Promise<void> {
  const token = await inviteForCode(getDatabase().db, formData.get("code"));
  redirect(token ? `/join/${token}` : "/join?problem=no-code");
}

export async function leaveCohortAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  await leaveCohortForm(getDatabase().db, user, { cohortId: formData.get("cohortId") });
  // A new URL (not only a new hash), so the page is rendered again without the cohort.
  redirect("/me?left=1#cohorts");
}
