/**
 * Validating an instructor's course tree with the loaders content/ uses, so a studio course is
 * held to exactly the rules of the built-in one. The loaders stop at the first error, so an
 * invalid course reports that one located problem; fix it and validate again.
 *
 * Beyond the loaders: the course id can be pinned (a stored course keeps its id across edits,
 * since progress is keyed by it), and the exercises' worked programs and starters are graded
 * (verify-references.ts).
 */
import path from "node:path";

import { loadLessonChecks, type LessonChecks } from "@/lib/grading/load-checks";
import { ContentError } from "@/lib/notebook/content-error";
import { loadContent, type ContentLibrary } from "@/lib/notebook/load-content";
import { lineOfPath } from "@/lib/notebook/yaml-file";

import { assertCourseTree, courseTreeFiles, CourseTreeError, type CourseTree } from "./course-tree";
import { problemFromContentError, type Problem } from "./problem";
import { verifyExerciseReferences } from "./verify-references";

export type { Problem };
export { verifyExerciseReferences };

export interface ValidateCourseOptions {
  /** The course's directory name (its folder under content/courses/). */
  readonly dirName: string;
  /** The text of content/roadmap/skills.yaml: the skills lessons and checks may name. */
  readonly skillsText: string;
  /** When given, course.yaml's `id` must be this. */
  readonly expectedCourseId?: string;
  /** Grade every worked program and starter (default true); off for a quick structural check. */
  readonly verifyReferences?: boolean;
}

export type CourseValidation =
  | {
      readonly ok: true;
      readonly library: ContentLibrary;
      readonly checks: readonly LessonChecks[];
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

const COURSE_FILE = "course.yaml";

export async function validateCourseTree(
  tree: CourseTree,
  options: ValidateCourseOptions,
): Promise<CourseValidation> {
  const { dirName, skillsText, expectedCourseId } = options;
  const fail = (problem: Problem): CourseValidation => ({ ok: false, problems: [problem] });
  let library: ContentLibrary;
  const checks: LessonChecks[] = [];
  try {
    assertCourseTree(tree);
    if (!tree.has(COURSE_FILE)) {
      return fail({ file: COURSE_FILE, line: 1, message: "the course has no course.yaml" });
    }
    const files = courseTreeFiles(tree, dirName, skillsText);
    library = await loadContent(files);
    for (const meta of library.courses[0].lessons) {
      const stem = path.posix.basename(meta.file, ".md");
      checks.push(await loadLessonChecks(files, dirName, stem, { library }));
    }
  } catch (error) {
    if (error instanceof ContentError) return fail(problemFromContentError(error, dirName));
    if (error instanceof CourseTreeError) {
      return fail({ file: error.file ?? "", line: 1, message: error.message });
    }
    throw error;
  }

  const [course] = library.courses;
  if (expectedCourseId !== undefined && course.id !== expectedCourseId) {
    return fail({
      file: COURSE_FILE,
      line: lineOfPath(tree.get(COURSE_FILE)!, ["id"]),
      message: `the course id is "${course.id}" but this course is "${expectedCourseId}": a course keeps its id, since learners' progress is stored under it`,
    });
  }

  if (options.verifyReferences ?? true) {
    const problems = verifyExerciseReferences(checks, tree);
    if (problems.length > 0) return { ok: false, problems };
  }
  return { ok: true, library, checks };
}
