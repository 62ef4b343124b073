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

/** The kinds of evidence that earn levels (the rule is lib/roadmap/evidence-rules.ts). */
export type EvidenceType = "quiz" | "exercise" | "applied-practice";

export interface RoadmapSkill {
  readonly id: string;
  readonly name: string;
  readonly area: string;
  readonly description: string;
  readonly prerequisites: readonly string[];
  /** What levels 1, 2 and 3 mean for this skill. */
  readonly levels: readonly [string, string, string];
  /** Set when Ketbook cannot evidence the skill: where to get it instead. */
  readonly elsewhere?: string;
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

/**
 * Something in the content that can evidence skills: an exercise (`course/cellId`) or a quiz
 * (`course/quizId`), with the skills its own file declares.
 */
export interface EvidenceSource {
  readonly ref: string;
  readonly kind: "exercise" | "quiz";
  readonly type: EvidenceType;
  /** What people read: the exercise's title, or "Quiz: <lesson title>". */
  readonly title: string;
  readonly courseId: string;
  readonly lessonId: string;
  readonly lessonTitle: string;
  /** The page (and cell) where it is done. */
  readonly href: string;
  readonly skills: readonly string[];
}

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

/** `not-assessed`: Ketbook has nothing that evidences the skill (skills.yaml `elsewhere`). */
export type SkillStatus = "not-assessed" | "not-started" | "in-progress" | "mastered";
