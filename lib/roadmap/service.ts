import "server-only";

import type { Database } from "@/db/client";
import {
  DEFAULT_PROFILE,
  getProfile,
  type LearnerProfile,
  loadLearnerRecord,
} from "@/db/queries/roadmap";
import { processCache } from "@/lib/cache/process-cache";
import { exerciseTitles } from "@/lib/grading/exercise-titles";
import { contentRoot, getContentLibrary } from "@/lib/notebook/file-repository";

import { layoutSkillGraph, type GraphLayout } from "./layout";
import { loadRoadmap } from "./load";
import { computeMastery, type SkillMastery } from "./mastery";
import { roleReadiness, type RoleReadiness } from "./readiness";
import { nextBestLesson, type Recommendation } from "./recommend";
import type { Role } from "./types";
import type { LoadedRoadmap } from "./validate";

export interface RoadmapContent extends LoadedRoadmap {
  readonly layout: GraphLayout;
  /** Milliseconds the graph layout took, measured once per process when the content was loaded. */
  readonly layoutMs: number;
  /** Titles of evidence refs (`course/lesson`, `course/cell`, `course/quiz`). */
  readonly titles: ReadonlyMap<string, string>;
  /** `course/lessonId` → lesson URL. */
  readonly lessonHrefs: ReadonlyMap<string, string>;
}

// Content is read-only at run time: parse, validate and lay out once per process (shared by
// every bundle, so the start-up warm-up serves the first page).
export function getRoadmapContent(): Promise<RoadmapContent> {
  return processCache(`roadmap:${contentRoot()}`, build);
}

async function build(): Promise<RoadmapContent> {
  const root = contentRoot();
  const library = await getContentLibrary();
  const roadmap = await loadRoadmap(root, library);
  const started = performance.now();
  const layout = await layoutSkillGraph(roadmap.skills);
  const layoutMs = performance.now() - started;

  const exercises = await exerciseTitles();
  const titles = new Map<string, string>();
  const lessonHrefs = new Map<string, string>();
  for (const lesson of library.lessons.values()) {
    const { courseId, id, slug, title } = lesson.meta;
    titles.set(`${courseId}/${id}`, title);
    lessonHrefs.set(`${courseId}/${id}`, `/learn/${courseId}/${slug}`);
    for (const block of lesson.blocks) {
      if (block.kind === "code" && block.exercise) {
        // Learners read the exercise's title; the cell id is only the key evidence is stored by.
        const exercise = exercises.get(`${courseId}/${block.id}`);
        titles.set(`${courseId}/${block.id}`, `“${exercise?.title ?? block.id}” in “${title}”`);
        lessonHrefs.set(`${courseId}/${block.id}`, `/learn/${courseId}/${slug}#cell-${block.id}`);
      }
    }
  }
  for (const [quiz, lessonKey] of roadmap.quizLessons) {
    const lessonTitle = titles.get(lessonKey);
    if (lessonTitle) titles.set(quiz, `Quiz on “${lessonTitle}”`);
  }
  return { ...roadmap, layout, layoutMs, titles, lessonHrefs };
}

export interface LearnerRoadmap {
  readonly content: RoadmapContent;
  readonly profile: LearnerProfile;
  readonly mastery: ReadonlyMap<string, SkillMastery>;
  readonly readiness: ReadonlyMap<string, RoleReadiness>;
  readonly targetRole: Role | undefined;
  readonly completedLessons: ReadonlySet<string>;
  readonly recommendation: Recommendation | null;
}

/** The roadmap as one learner sees it (a guest, with userId null, has no evidence). */
export async function learnerRoadmap(
  db: Database,
  userId: string | null,
  now: Date,
): Promise<LearnerRoadmap> {
  const content = await getRoadmapContent();
  const [record, profile] = userId
    ? await Promise.all([loadLearnerRecord(db, userId), getProfile(db, userId)])
    : [{ evidence: [], completedLessons: new Set<string>() }, DEFAULT_PROFILE];
  const mastery = computeMastery(content.skills, record.evidence, now);
  const readiness = new Map(content.roles.map((r) => [r.id, roleReadiness(r, mastery)]));
  const targetRole = content.roles.find((r) => r.id === profile.targetRoleId);
  const recommendation = nextBestLesson({
    skills: content.skills,
    lessons: content.lessons,
    mastery,
    completedLessons: record.completedLessons,
    targetRole,
  });
  return {
    content,
    profile,
    mastery,
    readiness,
    targetRole,
    completedLessons: record.completedLessons,
    recommendation,
  };
}

/** The recommendation for a given role (the /careers/[role] "next step"), whatever the target. */
export function recommendFor(view: LearnerRoadmap, role: Role): Recommendation | null {
  return nextBestLesson({
    skills: view.content.skills,
    lessons: view.content.lessons,
    mastery: view.mastery,
    completedLessons: view.completedLessons,
    targetRole: role,
  });
}
