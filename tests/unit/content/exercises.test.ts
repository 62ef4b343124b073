import path from "node:path";

import { describe, expect, it } from "vitest";

import { gradeExercise } from "@/lib/grading/grade-exercise";
import { loadLessonChecks, type LessonChecks } from "@/lib/grading/load-checks";
import { exercisePrograms } from "@/lib/grading/reference-programs";
import { loadContent } from "@/lib/notebook/load-content";

/**
 * Every exercise in content/ must be solvable and not already solved: its reference and the
 * worked solution's programs pass the check (constraints included), and the starter code the
 * learner sees — the exercise cell's source — compiles and fails it. For an experiment cell the
 * reference is a whole cell; a circuit in the worked solution is graded below the starter's spec
 * (the learner keeps the spec and changes the circuit), a whole ```experiment cell as it is.
 */
const contentRoot = path.join(process.cwd(), "content");

async function allChecks(): Promise<LessonChecks[]> {
  const library = await loadContent(contentRoot);
  const out: LessonChecks[] = [];
  for (const course of library.courses) {
    for (const meta of course.lessons) {
      const courseDir = path.basename(path.dirname(meta.file));
      const stem = path.basename(meta.file, ".md");
      out.push(await loadLessonChecks(contentRoot, courseDir, stem, { library }));
    }
  }
  return out;
}

const checks = await allChecks();
const exercises = checks.flatMap((c) =>
  c.exercises.map((exercise) => ({ file: c.exercisesFile!, exercise })),
);

describe("exercises in content/", () => {
  it("exist", () => {
    expect(exercises.length).toBeGreaterThan(0);
  });

  for (const { file, exercise } of exercises) {
    describe(`${file} → ${exercise.cell}`, () => {
      it("its reference passes its own check", () => {
        const programs = exercisePrograms(exercise).map((p) => p.source);
        expect(programs.length, "no reference or full program in the solution").toBeGreaterThan(0);
        for (const program of programs) {
          const feedback = gradeExercise(exercise, program);
          expect(feedback.passed, `${feedback.message}\n${program}`).toBe(true);
        }
      }, 60_000);

      it("its starter code compiles and fails the check", () => {
        const feedback = gradeExercise(exercise, exercise.starter);
        expect(feedback.compileError, feedback.message).toBeUndefined();
        expect(feedback.passed, feedback.message).toBe(false);
      }, 60_000);
    });
  }
});
