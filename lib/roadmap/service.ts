import "server-only";

import type { Database } from "@/db/client";
import {
  DEFAULT_PROFILE,
  getProfile,
  type LearnerProfile,
  loadLearnerRecord,
} from "@/db/queries/roadmap";
import { processCache } from "@/lib/cache/process-cache";
import { getLessonChecks } from "@/lib/grading/repository";
import { contentRoot, getContentLibrary } from "@/lib/notebook/file-repository";

import {
  buildEvidenceCatalogue,
  checkEvidenceCoverage,
  type LessonEvidenceInput,
} from "./evidence-catalogue";
import { layoutSkillGraph, type GraphLayout } from "./layout";
import { loadRoadmap } from "./load";
import { computeMastery, type SkillMastery } from "./mastery";
import { roleReadiness, type RoleReadiness } from "./readiness";
import { nextStep } from "./next-step";
import { lessonReach, type Recommendation, type RecommendationInput } from "./recommend";
import type { EvidenceSource, Role, SkillLevel } from "./types";
import type { LoadedRoadmap } from "./validate";

export interface RoadmapContent extends LoadedRoadmap {
  readonly layout: GraphLayout;
  /** Milliseconds the graph layout took, measured once per process when the content was loaded. */
  readonly layoutMs: number;
  /** Titles of evidence refs (`course/lesson`, `course/cell`, `course/quiz`). */
  readonly titles: ReadonlyMap<string, string>;
  /** `course/lessonId` → lesson URL. */
  readonly lessonHrefs: ReadonlyMap<string, string>;
  /** Every exercise and quiz by ref, with the skills it evidences. */
  readonly sources: ReadonlyMap<string, EvidenceSource>;
  /** Skill id → the lessons that teach it (their front matter names it), in teaching order. */
  readonly learn: ReadonlyMap<string, readonly { title: string; href: string }[]>;
  /** `course/lessonId` → the level each skill can reach through that lesson's own evidence. */
  readonly reach: ReadonlyMap<string, ReadonlyMap<string, SkillLevel>>;
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

  const titles = new Map<string, string>();
  const lessonHrefs = new Map<string, string>();
  const inputs: LessonEvidenceInput[] = [];
  for (const lesson of library.lessons.values()) {
    const { courseId, id, slug, title } = lesson.meta;
    const href = `/learn/${courseId}/${slug}`;
    titles.set(`${courseId}/${id}`, title);
    lessonHrefs.set(`${courseId}/${id}`, href);
    // A lesson whose check files fail to load evidences nothing until fixed, rather than taking
    // every roadmap page down (the content tests and the lesson page report such files).
    const checks = await getLessonChecks(courseId, id).catch(() => undefined);
    inputs.push({
      courseId,
      lessonId: id,
      lessonTitle: title,
      href,
      exercises: checks?.exercises ?? [],
      ...(checks?.quiz ? { quiz: checks.quiz } : {}),
    });
  }
  const sources = buildEvidenceCatalogue(inputs);
  checkEvidenceCoverage(roadmap.skills, sources, roadmap.skillLines);
  for (const source of sources.values()) {
    // Learners read the exercise's title; the cell id is only the key evidence is stored by.
    titles.set(
      source.ref,
      source.kind === "exercise" ? `“${source.title}” in “${source.lessonTitle}”` : source.title,
    );
    lessonHrefs.set(source.ref, source.href);
  }
  const learn = new Map(
    roadmap.skills.map((skill) => [
      skill.id,
      roadmap.lessons
        .filter((l) => l.skills.includes(skill.id))
        .map((l) => ({ title: l.title, href: `/learn/${l.courseId}/${l.slug}` })),
    ]),
  );
  const reach = lessonReach(sources.values());
  return { ...roadmap, layout, layoutMs, titles, lessonHrefs, sources, learn, reach };
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

/**
 * The roadmap as one learner sees it (a guest, with userId null, has no evidence). Levels no
 * longer fade with time, so `_now` is unused; callers still pass their request time.
 */
export async function learnerRoadmap(
  db: Database,
  userId: string | null,
  _now: Date,
): Promise<LearnerRoadmap> {
  const content = await getRoadmapContent();
  const [record, profile] = userId
    ? await Promise.all([loadLearnerRecord(db, userId), getProfile(db, userId)])
    : [{ evidence: [], completedLessons: new Set<string>() }, DEFAULT_PROFILE];
  const mastery = computeMastery(content.skills, content.sources, record.evidence);
  const readiness = new Map(content.roles.map((r) => [r.id, roleReadiness(r, mastery)]));
  const targetRole = content.roles.find((r) => r.id === profile.targetRoleId);
  const recommendation = nextStep({
    skills: content.skills,
    lessons: content.lessons,
    mastery,
    completedLessons: record.completedLessons,
    targetRole,
    reach: content.reach,
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

function stepInput(view: LearnerRoadmap, role: Role | undefined): RecommendationInput {
  return {
    skills: view.content.skills,
    lessons: view.content.lessons,
    mastery: view.mastery,
    completedLessons: view.completedLessons,
    targetRole: role,
    reach: view.content.reach,
  };
}

/** The recommendation for a given role (the /careers/[role] "next step"), whatever the target. */
export function recommendFor(view: LearnerRoadmap, role: Role): Recommendation | null {
  return nextStep(stepInput(view, role));
}

/**
 * The next step within one course, for its card: the same function as the learner's next step
 * (`view.recommendation`), over that course's lessons, so the two never disagree.
 */
export function nextStepInCourse(view: LearnerRoadmap, courseId: string): Recommendation | null {
  return nextStep(stepInput(view, view.targetRole), courseId);
}
