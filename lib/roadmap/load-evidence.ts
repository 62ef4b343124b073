import path from "node:path";

import { loadLessonChecks } from "@/lib/grading/load-checks";
import { loadContent } from "@/lib/notebook/load-content";

import { buildEvidenceCatalogue, type LessonEvidenceInput } from "./evidence-catalogue";
import { loadRoadmap } from "./load";

/**
 * The roadmap and its evidence catalogue read straight from a content directory, for tools and
 * tests that run outside the web process (which caches the same through service.ts).
 */
export async function loadRoadmapWithEvidence(root: string) {
  const library = await loadContent(root);
  const roadmap = await loadRoadmap(root, library);
  const inputs: LessonEvidenceInput[] = [];
  for (const lesson of library.lessons.values()) {
    const [, dir, file] = lesson.meta.file.split(path.sep);
    const checks = await loadLessonChecks(root, dir, file.replace(/\.md$/, ""), { library });
    inputs.push({
      courseId: lesson.meta.courseId,
      lessonId: lesson.meta.id,
      lessonTitle: lesson.meta.title,
      href: `/learn/${lesson.meta.courseId}/${lesson.meta.slug}`,
      exercises: checks.exercises,
      ...(checks.quiz ? { quiz: checks.quiz } : {}),
    });
  }
  return { roadmap, sources: buildEvidenceCatalogue(inputs) };
}
