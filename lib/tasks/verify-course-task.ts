/**
 * The "verify-course" task: a studio course is checked in full (loaders and cross-checks, then
 * every exercise's worked programs must pass and its starter fail) in a pool worker, because
 * grading those programs is CPU work that must not hold up the web process's other requests.
 */
import { validateCourseTree } from "@/lib/studio/validate-course";
import type { Problem } from "@/lib/studio/problem";

export interface VerifyCourseInput {
  readonly courseId: string;
  readonly files: Readonly<Record<string, string>>;
  readonly skillsText: string;
}

export interface VerifyCourseOutput {
  readonly problems: readonly Problem[];
}

export async function verifyCourseTask(input: VerifyCourseInput): Promise<VerifyCourseOutput> {
  const validation = await validateCourseTree(new Map(Object.entries(input.files)), {
    dirName: input.courseId,
    skillsText: input.skillsText,
    expectedCourseId: input.courseId,
  });
  return { problems: validation.ok ? [] : validation.problems };
}
