import { readFile } from "node:fs/promises";
import path from "node:path";

import { parseDocument } from "yaml";

import type { ContentLibrary } from "@/lib/notebook/load-content";

import { type LoadedRoadmap, ROLES_FILE, SKILLS_FILE, validateRoadmap } from "./validate";

/**
 * Reads content/roadmap and the quiz ids of every lesson, then validates it all (validate.ts).
 * The only part of lib/roadmap that touches the file system.
 */
export async function loadRoadmap(
  contentRoot: string,
  library: Pick<ContentLibrary, "courses" | "lessons">,
): Promise<LoadedRoadmap> {
  const [skillsText, rolesText] = await Promise.all([
    readFile(path.join(contentRoot, SKILLS_FILE), "utf8"),
    readFile(path.join(contentRoot, ROLES_FILE), "utf8"),
  ]);
  const quizzes = new Map<string, string>();
  for (const course of library.courses) {
    for (const lesson of course.lessons) {
      const file = path.join(contentRoot, lesson.file.replace(/\.md$/, ".quiz.yaml"));
      const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return undefined; // a lesson without a quiz
        throw error;
      });
      if (text === undefined) continue;
      // The quiz file itself is validated by lib/grading; here only its id matters.
      const id = parseDocument(text).get("id");
      if (typeof id === "string") quizzes.set(`${course.id}/${id}`, `${course.id}/${lesson.id}`);
    }
  }
  return validateRoadmap({ skillsText, rolesText, library, quizzes });
}
