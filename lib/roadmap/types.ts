/**
 * The roadmap as data: the skill graph and career roles from content/roadmap, and what the
 * learner's evidence says about each skill. Everything here is plain data so pages, the report
 * and tests share one shape.
 */

/** 1 aware · 2 practitioner · 3 proficient (what each means per skill is in skills.yaml). */
export type SkillLevel = 1 | 2 | 3;

export const LEVEL_NAMES: Record<SkillLevel | 0, string> = {
  0: "Not started",
  1: "Aware",
  2: "Practitioner",
  3: "Proficient",
};

export interface EvidenceSources {
  /** `course/lessonId` */
  readonly lessons: readonly string[];
  /** `course/cellId` */
  readonly exercises: readonly string[];
  /** `course/quizId` */
  readonly quizzes: readonly string[];
}

export interface RoadmapSkill {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  readonly description: string;
  readonly prerequisites: readonly string[];
  /** What levels 1, 2 and 3 mean for this skill. */
  readonly levels: readonly [string, string, string];
  readonly evidence: EvidenceSources;
}

export interface RoleRequirement {
  readonly skillId: string;
  readonly level: SkillLevel;
}

export interface Role {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly work: readonly string[];
  readonly requires: readonly RoleRequirement[];
}

export interface Roadmap {
  readonly skills: readonly RoadmapSkill[];
  readonly roles: readonly Role[];
}

export type EvidenceKind = "lesson" | "exercise" | "quiz";

/** One row of skill_evidence, as the roadmap needs it. */
export interface Evidence {
  readonly skillId: string;
  readonly kind: EvidenceKind;
  /** `course/lesson`, `course/cell` or `course/quiz`. */
  readonly ref: string;
  /** 0..1: 1 for a lesson or exercise, the quiz score for a quiz. */
  readonly score: number;
  readonly createdAt: Date;
}

/** A lesson as the recommender sees it. */
export interface LessonRef {
  readonly courseId: string;
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly skills: readonly string[];
  /** Teaching order across the catalogue; ties in the recommendation go to the earlier one. */
  readonly order: number;
}

export type SkillStatus = "not-started" | "in-progress" | "mastered";
