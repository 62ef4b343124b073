import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { gradeExercise } from "@/lib/grading/grade-exercise";
import { loadLessonChecks, type LessonChecks } from "@/lib/grading/load-checks";
import { publicQuiz } from "@/lib/grading/public-quiz";
import { checkPrograms } from "@/lib/grading/reference-programs";
import { parsePauliSum } from "@/lib/quantum/observables";
import { loadContent } from "@/lib/notebook/load-content";


/**
 * Every lesson's quiz loads and validates against its lesson (loadLessonChecks does the
 * cross-checks: sections, option ids, permutations), has at least five questions, and each
 * circuit question can be solved but is not solved by its starter.
 */
const contentRoot = path.join(process.cwd(), "content");
const library = await loadContent(contentRoot);
const lessons: LessonChecks[] = [];
for (const course of library.courses) {
  for (const meta of course.lessons) {
    const courseDir = path.basename(path.dirname(meta.file));
    const stem = path.basename(meta.file, ".md");
    lessons.push(await loadLessonChecks(contentRoot, courseDir, stem, { library }));
  }
}

describe("quizzes in content/", () => {
  for (const { lesson, quiz, quizFile, exercises } of lessons) {
    describe(lesson.meta.file, () => {
      it("has a quiz of at least five questions with unique ids", () => {
        expect(quiz, `${lesson.meta.file} has no .quiz.yaml`).toBeDefined();
        const ids = quiz!.questions.map((q) => q.id);
        expect(ids.length).toBeGreaterThanOrEqual(5);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it("shows the browser no answer or explanation", () => {
        if (!quiz) return;
        const json = JSON.stringify(publicQuiz(quiz, { shuffleSeed: 1 }));
        expect(json).not.toMatch(/"(answer|explanation|section|check)":/);
        for (const q of quiz.questions) expect(json, `${quizFile} ${q.id}`).not.toContain(q.explanation);
      });

      it("does not copy an explanation from the lesson page, where it would show before submission", () => {
        // The page's text (maths source included: KaTeX keeps it) and its exercise goals, as the
        // browser suite's leak check reads them, with spacing normalised.
        const squash = (text: string) => text.replace(/\s+/g, " ");
        const page = squash(
          readFileSync(path.join(contentRoot, lesson.meta.file), "utf8") +
            exercises.map((e) => ` ${e.goal}`).join(""),
        );
        for (const q of quiz?.questions ?? []) {
          expect(page, `${quizFile} ${q.id}: explanation copied from the page`).not.toContain(
            squash(q.explanation).slice(0, 48),
          );
        }
      });

      for (const q of quiz?.questions ?? []) {
        if (q.type !== "circuit") continue;
        it(`circuit question ${q.id}: solvable, and its starter compiles and fails`, () => {
          const { check } = q;
          const solutions = checkPrograms(q).map((p) => p.source);
          for (const program of solutions) {
            const feedback = gradeExercise(q, program);
            expect(feedback.passed, `${feedback.message}\n${program}`).toBe(true);
          }
          if (check.kind === "expectation") {
            // |⟨Σ c·P⟩| ≤ Σ|c|: a target beyond that bound cannot be reached by any state.
            const bound = parsePauliSum(check.observable).terms.reduce((s, t) => s + Math.abs(t.coeff), 0);
            expect(Math.abs(check.target) - check.tolerance).toBeLessThanOrEqual(bound);
          }
          const starter = gradeExercise(q, q.starter);
          expect(starter.compileError, starter.message).toBeUndefined();
          expect(starter.passed, starter.message).toBe(false);
        });
      }
    });
  }
});
