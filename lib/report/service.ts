import "server-only";

import type { Database } from "@/db/client";
import { learnerRoadmap } from "@/lib/roadmap/service";

import { buildSkillReport, type SkillReport } from "./report";

/** A learner's skill report (the skills they chose to show), as of `now`. */
export async function learnerReport(
  db: Database,
  learner: { id: string; name: string },
  issuer: string,
  now: Date,
): Promise<SkillReport> {
  const view = await learnerRoadmap(db, learner.id, now);
  return buildSkillReport({
    issuer,
    issuedAt: now,
    learner: { name: learner.name, handle: view.profile.handle },
    skills: view.content.skills,
    mastery: view.mastery,
    shownSkills: new Set(view.profile.shownSkills),
    titles: view.content.titles,
  });
}
