import path from "node:path";

import { describe, expect, it } from "vitest";

import { loadLessonChecks, type LessonChecks } from "@/lib/grading/load-checks";
import { loadContent } from "@/lib/notebook/load-content";

/**
 * An exercise must not be answered by its own lesson: no cell of the lesson (demo or starter)
 * may contain the exercise's reference program, or a full program of its worked solution,
 * once comments, whitespace and the boilerplate every program shares are set aside.
 */
const contentRoot = path.join(process.cwd(), "content");

/** Statements every program has and that say nothing about the answer. */
const BOILERPLATE = /^(OPENQASM\b|include\b|qubit\b|bit\b|qreg\b|creg\b)/;

/**
 * A program as its list of meaningful statements: comments removed, statements split at `;`
 * and braces, whitespace collapsed (also around punctuation, so `cx q[0],q[1]` and
 * `cx q[0], q[1]` compare equal), declarations and headers dropped.
 */
function statements(source: string): string[] {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, " ")
    .replace(/\/\/[^\n]*/g, " ")
    .split(/[;{}]/)
    .map((s) =>
      s
        .replace(/\s+/g, " ")
        .replace(/\s*([,()[\]=])\s*/g, "$1")
        .trim(),
    )
    .filter((s) => s !== "" && !BOILERPLATE.test(s));
}

/** Whether `needle` occurs in `haystack` as a contiguous run of statements. */
function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    if (needle.every((s, k) => haystack[i + k] === s)) return true;
  }
  return false;
}

const solutionPrograms = (solution: string): string[] =>
  [...solution.matchAll(/```qasm[^\n]*\n([\s\S]*?)```/g)]
    .map((m) => m[1])
    .filter((code) => /^\s*OPENQASM/.test(code));

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

describe("statement normalisation", () => {
  it("ignores comments, spacing and declarations, but not gates or their order", () => {
    const a = statements(`OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q; /* two */
cx q[0], q[1];   // first
cx q[1],q[0];`);
    expect(a).toEqual(["cx q[0],q[1]", "cx q[1],q[0]"]);
    expect(containsRun(["x q[0]", ...a, "c=measure q"], a)).toBe(true);
    expect(containsRun(["cx q[0],q[1]", "h q[0]", "cx q[1],q[0]"], a)).toBe(false);
    expect(containsRun([...a].reverse(), a)).toBe(false);
  });
});

describe("no lesson cell gives an exercise's answer away", async () => {
  const checks = await allChecks();

  it("there are exercises to check", () => {
    expect(checks.some((c) => c.exercises.length > 0)).toBe(true);
  });

  for (const { lesson, exercises } of checks) {
    for (const exercise of exercises) {
      it(`${lesson.meta.file}: no cell contains the answer to ${exercise.cell}`, () => {
        const answers = [
          ...(exercise.check.reference !== undefined ? [exercise.check.reference] : []),
          ...solutionPrograms(exercise.solution),
        ].map(statements);
        const leaks: string[] = [];
        for (const block of lesson.blocks) {
          if (block.kind !== "code") continue;
          const cell = statements(block.source);
          if (answers.some((answer) => containsRun(cell, answer))) {
            leaks.push(`cell "${block.id}" (line ${block.line})`);
          }
        }
        expect(leaks).toEqual([]);
      });
    }
  }
});
