import "server-only";

import type { Database } from "@/db/client";
import { createStudioCourse, readDraft, saveDraftFile } from "@/db/queries/studio-courses";
import type { PublicUser } from "@/db/queries/users";
import type { StudioCourseRow } from "@/db/schema";
import { lessonFromIpynb } from "@/lib/notebook/ipynb-import";

import { readCourseArchive } from "./course-archive";
import { newLessonStem, readOutline, withOutline } from "./course-outline";
import { STUDIO_LIMITS } from "./course-service";
import { COURSE_FILE_NAME } from "./course-tree";

/**
 * Bringing files into the studio: a course as a zip in the content/ format (the built-in
 * course's folder zipped imports as it is), and a lesson from a Jupyter notebook. Both are
 * stored as drafts exactly as read; problems show in the editor and block only publishing.
 */

/** A refusal the uploader can act on (the route answers 400 or 409 with it). */
export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
  ) {
    super(message);
    this.name = "ImportRefusedError";
  }
}

/**
 * Creates a studio course from a zip. The course keeps the id its course.yaml gives unless
 * `id` asks for another (a course from content/ must take a new id: ids are unique); only that
 * line of course.yaml changes then.
 */
export async function importCourseArchive(
  db: Database,
  user: PublicUser,
  bytes: Uint8Array,
  id?: string,
): Promise<StudioCourseRow> {
  const { tree } = readCourseArchive(bytes);
  const courseYaml = tree.get("course.yaml");
  if (courseYaml === undefined) {
    throw new ImportRefusedError(
      "the zip has no course.yaml: zip the course's folder from content/courses/",
    );
  }
  const outline = readOutline(courseYaml);
  const courseId = id || outline.id;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(courseId) || courseId.length > 60) {
    throw new ImportRefusedError(
      `"${courseId}" is not a course id: use kebab-case, at most 60 characters`,
    );
  }
  const files = Object.fromEntries(tree);
  if (courseId !== outline.id) files["course.yaml"] = withOutline(courseYaml, { id: courseId });
  return createStudioCourse(db, {
    id: courseId,
    title: outline.title || courseId,
    ownerId: user.id,
    files,
  });
}

/** Adds a lesson made from a notebook to the draft, at the end of the course; its stem. */
export async function importLessonNotebook(
  db: Database,
  user: PublicUser,
  course: StudioCourseRow,
  notebook: unknown,
  fileName: string,
): Promise<string> {
  const draft = await readDraft(db, course.id);
  const courseYaml = draft?.files["course.yaml"];
  if (!draft || courseYaml === undefined) {
    throw new ImportRefusedError("the course has no course.yaml to add the lesson to");
  }
  const lessons = readOutline(courseYaml).lessons;
  const stem = newLessonStem(lessons, fileName.replace(/\.ipynb$/i, ""));
  if (!COURSE_FILE_NAME.test(`${stem}.md`))
    throw new ImportRefusedError(`cannot name a lesson ${stem}`);
  const { markdown } = lessonFromIpynb(notebook, {
    slug: stem.slice(3),
    skills: ["qubits-superposition"],
    lessonId: `${course.id}-${stem.slice(3)}`,
  });
  const save = (name: string, text: string, baseRevision: number) =>
    saveDraftFile(db, {
      courseId: course.id,
      name,
      text,
      baseRevision,
      userId: user.id,
      maxFiles: STUDIO_LIMITS.maxFiles,
    });
  const lesson = await save(`${stem}.md`, markdown, draft.revision);
  if (!lesson.ok) throw new ImportRefusedError("the draft changed meanwhile: try again", 409);
  const listed = await save(
    "course.yaml",
    withOutline(courseYaml, { lessons: [...lessons, stem] }),
    lesson.revision,
  );
  if (!listed.ok) throw new ImportRefusedError("the draft changed meanwhile: try again", 409);
  return stem;
}
