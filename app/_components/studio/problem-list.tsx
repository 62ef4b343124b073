"use client";

import type { Problem } from "@/lib/studio/draft-saver";

/**
 * The problems the server found in a file, each a button that puts the cursor on its line: the
 * same list a screen reader or keyboard user reaches without hunting for red squiggles.
 */
export function ProblemList({
  problems,
  onJump,
  label,
}: {
  problems: readonly Problem[];
  onJump(line: number): void;
  label: string;
}) {
  if (problems.length === 0) return null;
  return (
    <section className="studio-problems" aria-label={label}>
      <h3 className="studio-problems__title">
        {problems.length === 1 ? "1 problem" : `${problems.length} problems`}
      </h3>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.line}-${index}`}>
            <button type="button" onClick={() => onJump(problem.line)}>
              Line {problem.line}: {problem.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
