import type { Problem } from "@/lib/studio/problem";

/** What stops a course from loading or publishing, each at its file and line. */
export function CourseProblems({ problems }: { problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="problems">
      {problems.map((p, i) => (
        <li key={`${p.file}:${p.line}:${i}`}>
          <code>
            {p.file || "the course"}:{p.line}
          </code>{" "}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
