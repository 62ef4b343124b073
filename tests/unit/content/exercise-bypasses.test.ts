import path from "node:path";

import { describe, expect, it } from "vitest";

import { gradeExercise } from "@/lib/grading/grade-exercise";
import { loadLessonChecks, type LessonExercise } from "@/lib/grading/load-checks";

/**
 * Exercises whose check alone cannot tell the construction they teach from its absence: deleting
 * the singlet turns the CHSH exercise back into the solved Bell-pair game, and deleting the fold
 * leaves U, whose unitary is the target. Each bypass is made from the starter by deleting lines,
 * graded by the real grading code: it would pass the check alone, and the exercise's gate counts
 * make it fail, while the reference and the worked solution still pass.
 */
const contentRoot = path.join(process.cwd(), "content");

async function exercise(stem: string, cell: string): Promise<LessonExercise> {
  const checks = await loadLessonChecks(contentRoot, "qml-foundations", stem);
  const found = checks.exercises.find((e) => e.cell === cell);
  if (!found) throw new Error(`${stem} has no exercise ${cell}`);
  return found;
}

/** The first full program in the worked solution. */
const solutionProgram = (ex: LessonExercise) =>
  /```qasm\n(OPENQASM[\s\S]*?)```/.exec(ex.solution)![1];

/** `source` without `lines`, which must appear in it as one block. */
function without(source: string, lines: string): string {
  expect(source).toContain(lines);
  return source.replace(lines, "");
}

function expectBypassCaught(ex: LessonExercise, bypass: string) {
  const checkAlone = gradeExercise({ ...ex, constraints: undefined }, bypass);
  expect(checkAlone.passed, checkAlone.message).toBe(true);
  const graded = gradeExercise(ex, bypass);
  expect(graded.passed).toBe(false);
  expect(graded.failedConstraints?.some((c) => c.startsWith("minGateCounts:"))).toBe(true);
}

describe("exercises that a deletion cannot pass", () => {
  it("CHSH with the singlet: deleting the singlet's x and z (leaving |Φ+⟩) fails", async () => {
    const ex = await exercise("16-chsh-game", "chsh-singlet");
    for (const program of [ex.check.reference!, solutionProgram(ex)]) {
      expect(gradeExercise(ex, program).passed).toBe(true);
    }
    // The starter's strategy was designed for |Φ+⟩, so without the two lines it wins again.
    expectBypassCaught(ex, without(ex.starter, "x q[3];\nz q[2];\n"));
    // Deleting the referee's questions makes the game trivial (always x = y = 0).
    const noQuestions = without(solutionProgram(ex), "h q[0];\nh q[1];\n");
    expect(gradeExercise(ex, noQuestions).failedConstraints).toContain(
      "minGateCounts: your circuit uses h 1 time; at least 3 required.",
    );
  }, 60_000);

  it("the ZNE fold: deleting U† U (leaving U) fails, the fold written either way passes", async () => {
    const ex = await exercise("12-noise-error-correction", "zne-fold");
    for (const program of [ex.check.reference!, solutionProgram(ex)]) {
      const feedback = gradeExercise(ex, program);
      expect(feedback.passed, feedback.message).toBe(true);
    }
    const fold = ex.starter.slice(ex.starter.indexOf("// U dagger"));
    expectBypassCaught(ex, without(ex.starter, fold));
  }, 60_000);
});
