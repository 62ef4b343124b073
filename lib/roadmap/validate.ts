import { ContentError } from "@/lib/notebook/content-error";
import type { ContentLibrary } from "@/lib/notebook/load-content";
import { lineOfPath, parseYaml } from "@/lib/notebook/yaml-file";

import { findPrerequisiteCycle } from "./graph";
import { roadmapSkillsFileSchema, rolesFileSchema } from "./schemas";
import type { EvidenceSources, LessonRef, Roadmap, RoadmapSkill, Role } from "./types";

export const SKILLS_FILE = "roadmap/skills.yaml";
export const ROLES_FILE = "roadmap/roles.yaml";

export interface RoadmapSources {
  readonly skillsText: string;
  readonly rolesText: string;
  /** The validated lessons the evidence lists must agree with. */
  readonly library: Pick<ContentLibrary, "courses" | "lessons">;
  /** Quiz refs (`course/quizId`) → the lesson (`course/lessonId`) each quiz belongs to. */
  readonly quizzes: ReadonlyMap<string, string>;
}

export interface LoadedRoadmap extends Roadmap {
  /** Every lesson in catalogue order, for recommendations. */
  readonly lessons: readonly LessonRef[];
  /** Quiz refs → their lesson (`course/lessonId`). */
  readonly quizLessons: ReadonlyMap<string, string>;
}

type EvidenceList = keyof EvidenceSources;

/**
 * Validates the roadmap files against each other and against the lessons. Every problem throws
 * a ContentError at the offending line: duplicate or unknown ids, prerequisite cycles, evidence
 * naming a lesson, exercise or quiz that does not exist, evidence lists that disagree with the
 * skills lessons name in their front matter, and roles requiring unknown skills.
 */
export function validateRoadmap(sources: RoadmapSources): LoadedRoadmap {
  const { skillsText, rolesText } = sources;
  const parsed = parseYaml(skillsText, SKILLS_FILE, roadmapSkillsFileSchema).skills;
  const skills: RoadmapSkill[] = parsed.map((s) => ({
    ...s,
    levels: [s.levels[0], s.levels[1], s.levels[2]],
  }));
  const skillLine = (path: (string | number)[]) => lineOfPath(skillsText, ["skills", ...path]);
  const fail = (path: (string | number)[], message: string): never => {
    throw new ContentError(SKILLS_FILE, skillLine(path), message);
  };

  const ids = new Map<string, number>();
  skills.forEach((skill, i) => {
    if (ids.has(skill.id)) fail([i, "id"], `duplicate skill id "${skill.id}"`);
    ids.set(skill.id, i);
  });
  skills.forEach((skill, i) =>
    skill.prerequisites.forEach((p, j) => {
      if (!ids.has(p))
        fail([i, "prerequisites", j], `skill "${skill.id}" has unknown prerequisite "${p}"`);
    }),
  );
  const cycle = findPrerequisiteCycle(skills);
  if (cycle) {
    const [first, second] = cycle;
    const i = ids.get(first)!;
    fail(
      [i, "prerequisites", skills[i].prerequisites.indexOf(second)],
      `prerequisite cycle: ${cycle.join(" → ")}`,
    );
  }

  const lessons = lessonRefs(sources.library);
  checkEvidence(skills, lessons, sources, fail);
  const roles = validateRoles(rolesText, ids);
  return { skills, roles, lessons, quizLessons: sources.quizzes };
}

function lessonRefs(library: RoadmapSources["library"]): LessonRef[] {
  let order = 0;
  return library.courses.flatMap((course) =>
    course.lessons.map((meta) => ({
      courseId: course.id,
      id: meta.id,
      slug: meta.slug,
      title: meta.title,
      skills: meta.skills,
      order: order++,
    })),
  );
}

/**
 * What each evidence ref must be, and which lesson's front matter decides its skills. Evidence
 * is recorded from a lesson's `skills:` (lib/grading and the progress routes), so the lists in
 * skills.yaml must match them exactly or the roadmap would promise evidence that never comes.
 */
function checkEvidence(
  skills: readonly RoadmapSkill[],
  lessons: readonly LessonRef[],
  sources: RoadmapSources,
  fail: (path: (string | number)[], message: string) => never,
) {
  const owner = new Map<EvidenceList, Map<string, LessonRef>>([
    ["lessons", new Map()],
    ["exercises", new Map()],
    ["quizzes", new Map()],
  ]);
  const byKey = new Map(lessons.map((l) => [`${l.courseId}/${l.id}`, l]));
  for (const lesson of lessons) {
    owner.get("lessons")!.set(`${lesson.courseId}/${lesson.id}`, lesson);
    const full = sources.library.lessons.get(`${lesson.courseId}/${lesson.slug}`);
    for (const block of full?.blocks ?? []) {
      if (block.kind === "code" && block.exercise) {
        owner.get("exercises")!.set(`${lesson.courseId}/${block.id}`, lesson);
      }
    }
  }
  for (const [quiz, lessonKey] of sources.quizzes) {
    const lesson = byKey.get(lessonKey);
    if (lesson) owner.get("quizzes")!.set(quiz, lesson);
  }

  const noun: Record<EvidenceList, string> = {
    lessons: "lesson",
    exercises: "exercise",
    quizzes: "quiz",
  };
  skills.forEach((skill, i) => {
    for (const list of ["lessons", "exercises", "quizzes"] as const) {
      const known = owner.get(list)!;
      const listed = new Set<string>();
      skill.evidence[list].forEach((ref, j) => {
        const lesson = known.get(ref);
        if (!lesson)
          fail(
            [i, "evidence", list, j],
            `skill "${skill.id}" lists unknown ${noun[list]} "${ref}"`,
          );
        if (listed.has(ref))
          fail([i, "evidence", list, j], `skill "${skill.id}" lists ${ref} twice`);
        listed.add(ref);
        if (!lesson!.skills.includes(skill.id)) {
          fail(
            [i, "evidence", list, j],
            `${noun[list]} "${ref}" gives no evidence for "${skill.id}": its lesson ${lesson!.courseId}/${lesson!.id} does not list the skill`,
          );
        }
      });
      for (const [ref, lesson] of known) {
        if (lesson.skills.includes(skill.id) && !listed.has(ref)) {
          fail(
            [i, "evidence", list],
            `skill "${skill.id}" is missing ${noun[list]} "${ref}" in evidence.${list} (lesson ${lesson.courseId}/${lesson.id} lists the skill)`,
          );
        }
      }
    }
  });
}

function validateRoles(rolesText: string, skillIds: ReadonlyMap<string, number>): Role[] {
  const parsed = parseYaml(rolesText, ROLES_FILE, rolesFileSchema).roles;
  const fail = (path: (string | number)[], message: string): never => {
    throw new ContentError(ROLES_FILE, lineOfPath(rolesText, ["roles", ...path]), message);
  };
  const seen = new Set<string>();
  return parsed.map((role, i) => {
    if (seen.has(role.id)) fail([i, "id"], `duplicate role id "${role.id}"`);
    seen.add(role.id);
    const required = new Set<string>();
    role.requires.forEach((r, j) => {
      if (!skillIds.has(r.skill))
        fail([i, "requires", j], `role "${role.id}" requires unknown skill "${r.skill}"`);
      if (required.has(r.skill))
        fail([i, "requires", j], `role "${role.id}" requires "${r.skill}" twice`);
      required.add(r.skill);
    });
    return {
      id: role.id,
      name: role.name,
      description: role.description,
      work: role.work,
      requires: role.requires.map((r) => ({ skillId: r.skill, level: r.level })),
    };
  });
}
