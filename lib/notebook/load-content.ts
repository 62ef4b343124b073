import path from "node:path";

import { asContentFiles, type ContentFiles } from "./content-files";
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
export async function loadContent(root: string | ContentFiles): Promise<ContentLibrary> {
  const contentRoot = asContentFiles(root);
  const skills = await loadSkills(contentRoot);
  const knownSkills = new Set(skills.map((s) => s.id));

  const courseDirs = (await contentRoot.list("courses"))
    .filter((entry) => entry.directory)
    .map((entry) => entry.name);

  const courses: Course[] = [];
  const lessons = new Map<string, Lesson>();
  for (const dir of courseDirs) {
    const { course, courseLessons } = await loadCourse(
      contentRoot,
      path.posix.join("courses", dir),
      knownSkills,
    );
    courses.push(course);
    for (const lesson of courseLessons) lessons.set(`${course.id}/${lesson.meta.slug}`, lesson);
  }
  return { skills, courses, lessons };
}

async function loadSkills(contentRoot: ContentFiles): Promise<Skill[]> {
  const text = await readRequired(contentRoot, SKILLS_FILE);
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
  contentRoot: ContentFiles,
  courseDir: string,
  knownSkills: ReadonlySet<string>,
): Promise<{ course: Course; courseLessons: Lesson[] }> {
  const courseFile = path.posix.join(courseDir, "course.yaml");
  const courseText = await readRequired(contentRoot, courseFile);
  const spec = parseYaml(courseText, courseFile, courseFileSchema);

  const onDisk = new Set(
    (await contentRoot.list(courseDir))
      .filter((f) => !f.directory && f.name.endsWith(".md"))
      .map((f) => f.name.slice(0, -3)),
  );
  const courseLessons: Lesson[] = [];
  const lessonIds = new Map<string, string>();
  const cellIds = new Map<string, string>();

  for (const [index, stem] of spec.lessons.entries()) {
    const file = path.posix.join(courseDir, `${stem}.md`);
    if (!onDisk.delete(stem)) {
      throw new ContentError(
        courseFile,
        lineOfPath(courseText, ["lessons", index]),
        `lesson file ${file} does not exist`,
      );
    }
    const text = await readRequired(contentRoot, file);
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
    throw new ContentError(
      path.posix.join(courseDir, `${orphan}.md`),
      1,
      `not listed in ${courseFile}`,
    );

  const { lessons: _stems, ...courseMeta } = spec;
  return { course: { ...courseMeta, lessons: courseLessons.map((l) => l.meta) }, courseLessons };
}

/** A file the layout requires: its absence is a located content error, not an ENOENT. */
async function readRequired(files: ContentFiles, file: string): Promise<string> {
  const text = await files.read(file);
  if (text === undefined) throw new ContentError(file, 1, `${file} does not exist`);
  return text;
}
