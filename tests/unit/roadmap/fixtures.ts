import type { Evidence, LessonRef, Role, RoadmapSkill } from "@/lib/roadmap/types";

/** A small hand-made graph: algebra → qubits → circuits → {qaoa, kernels}; ml → kernels. */
const skill = (id: string, prerequisites: string[] = []): RoadmapSkill => ({
  id,
  name: id,
  area: "test",
  description: `${id} description`,
  prerequisites,
  levels: ["one", "two", "three"],
  evidence: { lessons: [], exercises: [], quizzes: [] },
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

/** Everything a learner can earn for one skill: a lesson, two exercises and a perfect quiz. */
export function fullEvidence(skillId: string, at = NOW): Evidence[] {
  return [
    { skillId, kind: "lesson", ref: `c/${skillId}`, score: 1, createdAt: at },
    { skillId, kind: "exercise", ref: `c/${skillId}-ex1`, score: 1, createdAt: at },
    { skillId, kind: "exercise", ref: `c/${skillId}-ex2`, score: 1, createdAt: at },
    { skillId, kind: "quiz", ref: `c/${skillId}-quiz`, score: 1, createdAt: at },
  ];
}
