import type {
  Evidence,
  EvidenceSource,
  EvidenceType,
  LessonRef,
  Role,
  RoadmapSkill,
} from "@/lib/roadmap/types";

/** A small hand-made graph: algebra → qubits → circuits → {qaoa, kernels}; ml → kernels. */
const skill = (id: string, prerequisites: string[] = []): RoadmapSkill => ({
  id,
  name: id,
  area: "test",
  description: `${id} description`,
  prerequisites,
  levels: ["one", "two", "three"],
});

export const SKILLS: RoadmapSkill[] = [
  skill("algebra"),
  skill("ml"),
  skill("qubits", ["algebra"]),
  skill("circuits", ["qubits"]),
  skill("qaoa", ["circuits"]),
  skill("kernels", ["circuits", "ml"]),
];

const lesson = (id: string, order: number, skills: string[]): LessonRef => ({
  courseId: "c",
  id,
  slug: id,
  title: `Lesson ${id}`,
  skills,
  order,
});

export const LESSONS: LessonRef[] = [
  lesson("intro", 0, ["algebra", "qubits"]),
  lesson("circuits", 1, ["circuits"]),
  lesson("ml", 2, ["ml"]),
  lesson("qaoa", 3, ["qaoa"]),
  lesson("kernels", 4, ["kernels"]),
];

export const OPTIMISER: Role = {
  id: "optimiser",
  name: "Optimiser",
  description: "d",
  work: ["w"],
  requires: [
    { skillId: "qaoa", level: 3 },
    { skillId: "circuits", level: 2 },
  ],
};

export const KERNEL_ROLE: Role = {
  id: "kernel-person",
  name: "Kernel person",
  description: "d",
  work: ["w"],
  requires: [
    { skillId: "kernels", level: 2 },
    { skillId: "ml", level: 3 },
  ],
};

export const NOW = new Date("2026-06-01T00:00:00Z");
export const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

const source = (ref: string, type: EvidenceType, skills: string[]): EvidenceSource => ({
  ref: `c/${ref}`,
  kind: type === "quiz" ? "quiz" : "exercise",
  type,
  title: `Title of ${ref}`,
  courseId: "c",
  lessonId: `lesson-of-${ref}`,
  lessonTitle: `Lesson of ${ref}`,
  href: `/learn/c/${ref}`,
  skills,
});

/** For every skill of SKILLS: a quiz, a fixed-target exercise and an applied exercise. */
export const SOURCES: ReadonlyMap<string, EvidenceSource> = new Map(
  SKILLS.flatMap((s) => [
    source(`${s.id}-quiz`, "quiz", [s.id]),
    source(`${s.id}-ex`, "exercise", [s.id]),
    source(`${s.id}-applied`, "applied-practice", [s.id]),
  ]).map((s) => [s.ref, s]),
);

/** The stored row of a passed quiz (`${skill}-quiz`), a solved exercise or applied exercise. */
export const row = (
  skillId: string,
  kind: "quiz" | "ex" | "applied",
  at = NOW,
  score = 1,
): Evidence => ({
  skillId,
  kind: kind === "quiz" ? "quiz" : "exercise",
  ref: `c/${skillId}-${kind}`,
  score,
  createdAt: at,
});

/** Everything a learner can earn for one skill: a lesson read, a quiz and both exercises. */
export function fullEvidence(skillId: string, at = NOW): Evidence[] {
  return [
    { skillId, kind: "lesson", ref: `c/${skillId}`, score: 1, createdAt: at },
    row(skillId, "quiz", at),
    row(skillId, "ex", at),
    row(skillId, "applied", at),
  ];
}
