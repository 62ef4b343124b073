import { ContentError } from "@/lib/notebook/content-error";
import type { ContentLibrary } from "@/lib/notebook/load-content";
import { lineOfPath, parseYaml } from "@/lib/notebook/yaml-file";

import { findPrerequisiteCycle } from "./graph";
import { roadmapSkillsFileSchema, rolesFileSchema } from "./schemas";
import type { LessonRef, Roadmap, RoadmapSkill, Role } from "./types";

export const SKILLS_FILE = "roadmap/skills.yaml";
export const ROLES_FILE = "roadmap/roles.yaml";

export interface RoadmapSources {
  readonly skillsText: string;
  readonly rolesText: string;
  /** The validated lessons (for the catalogue order of recommendations). */
  readonly library: Pick<ContentLibrary, "courses" | "lessons">;
  /** Quiz refs (`course/quizId`) → the lesson (`course/lessonId`) each quiz belongs to. */
  readonly quizzes: ReadonlyMap<string, string>;
}

export interface LoadedRoadmap extends Roadmap {
  /** Every lesson in catalogue order, for recommendations. */
  readonly lessons: readonly LessonRef[];
  /** Quiz refs → their lesson (`course/lessonId`). */
  readonly quizLessons: ReadonlyMap<string, string>;
  /** The line of each skill's `id` in skills.yaml, for later checks' messages. */
  readonly skillLines: ReadonlyMap<string, number>;
}

/**
 * Validates the roadmap files against each other and against the lessons. Every problem throws
 * a ContentError at the offending line: duplicate or unknown ids, prerequisite cycles and roles
 * requiring unknown skills. Which exercises and quizzes evidence a skill is declared in their own
 * files and checked by lib/grading (load-checks.ts) and evidence-catalogue.ts.
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
  const roles = validateRoles(rolesText, ids);
  const skillLines = new Map(skills.map((skill, i) => [skill.id, skillLine([i, "id"])]));
  return { skills, roles, lessons, quizLessons: sources.quizzes, skillLines };
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
