import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { ContentError } from "./content-error";
import { parseLesson } from "./parse-lesson";
import { courseFileSchema, skillsFileSchema } from "./schemas";
import type { Course, Lesson, Skill } from "./types";
import { lineOfPath, parseYaml } from "./yaml-file";

export interface ContentLibrary {
  readonly skills: readonly Skill[];
  readonly courses: readonly Course[];
  /** Lessons by `${courseId}/${lessonSlug}`. */
  readonly lessons: ReadonlyMap<string, Lesson>;
}

const SKILLS_FILE = "roadmap/skills.yaml";

/**
 * Reads and validates everything under the content root. Any problem throws a ContentError
 * naming the file and line, so a broken lesson fails the test suite and the build, never a page.
 */
export async function loadContent(contentRoot: string): Promise<ContentLibrary> {
  const skills = await loadSkills(contentRoot);
  const knownSkills = new Set(skills.map((s) => s.id));

  const coursesDir = path.join(contentRoot, "courses");
  const courseDirs = (await readdir(coursesDir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  const courses: Course[] = [];
  const lessons = new Map<string, Lesson>();
  for (const dir of courseDirs) {
    const { course, courseLessons } = await loadCourse(
      contentRoot,
      path.join("courses", dir),
      knownSkills,
    );
    courses.push(course);
    for (const lesson of courseLessons) lessons.set(`${course.id}/${lesson.meta.slug}`, lesson);
  }
  return { skills, courses, lessons };
}

async function loadSkills(contentRoot: string): Promise<Skill[]> {
  const text = await readFile(path.join(contentRoot, SKILLS_FILE), "utf8");
  const { skills } = parseYaml(text, SKILLS_FILE, skillsFileSchema);
  const ids = new Set<string>();
  skills.forEach((skill, index) => {
    if (ids.has(skill.id)) {
      throw new ContentError(
        SKILLS_FILE,
        lineOfPath(text, ["skills", index, "id"]),
        `duplicate skill id "${skill.id}"`,
      );
    }
    ids.add(skill.id);
  });
  skills.forEach((skill, index) => {
    skill.prerequisites.forEach((prerequisite, p) => {
      if (!ids.has(prerequisite)) {
        const line = lineOfPath(text, ["skills", index, "prerequisites", p]);
        throw new ContentError(
          SKILLS_FILE,
          line,
          `skill "${skill.id}" has unknown prerequisite "${prerequisite}"`,
        );
      }
    });
  });
  return skills;
}

async function loadCourse(
  contentRoot: string,
  courseDir: string,
  knownSkills: ReadonlySet<string>,
): Promise<{ course: Course; courseLessons: Lesson[] }> {
  const courseFile = path.join(courseDir, "course.yaml");
  const courseText = await readFile(path.join(contentRoot, courseFile), "utf8");
  const spec = parseYaml(courseText, courseFile, courseFileSchema);

  const onDisk = new Set(
    (await readdir(path.join(contentRoot, courseDir)))
      .filter((f) => f.endsWith(".md"))
      .map((f) => f.slice(0, -3)),
  );
  const courseLessons: Lesson[] = [];
  const lessonIds = new Map<string, string>();
  const cellIds = new Map<string, string>();

  for (const [index, stem] of spec.lessons.entries()) {
    const file = path.join(courseDir, `${stem}.md`);
    if (!onDisk.delete(stem)) {
      throw new ContentError(
        courseFile,
        lineOfPath(courseText, ["lessons", index]),
        `lesson file ${file} does not exist`,
      );
    }
    const text = await readFile(path.join(contentRoot, file), "utf8");
    const lesson = parseLesson(
      { text, file, courseId: spec.id, position: index + 1, stem },
      knownSkills,
    );

    const clash = lessonIds.get(lesson.meta.id);
    if (clash)
      throw new ContentError(file, 2, `lesson id "${lesson.meta.id}" is already used by ${clash}`);
    lessonIds.set(lesson.meta.id, file);
    for (const block of lesson.blocks) {
      if (block.kind !== "code") continue;
      const other = cellIds.get(block.id);
      if (other)
        throw new ContentError(
          file,
          block.line,
          `cell id "${block.id}" is already used in ${other}`,
        );
      cellIds.set(block.id, file);
    }
    courseLessons.push(lesson);
  }

  const slugs = new Set<string>();
  for (const lesson of courseLessons) {
    if (slugs.has(lesson.meta.slug)) {
      throw new ContentError(
        lesson.meta.file,
        1,
        `two lessons of ${spec.id} share the URL slug "${lesson.meta.slug}"`,
      );
    }
    slugs.add(lesson.meta.slug);
  }
  const [orphan] = onDisk;
  if (orphan)
    throw new ContentError(path.join(courseDir, `${orphan}.md`), 1, `not listed in ${courseFile}`);

  const { lessons: _stems, ...courseMeta } = spec;
  return { course: { ...courseMeta, lessons: courseLessons.map((l) => l.meta) }, courseLessons };
}
