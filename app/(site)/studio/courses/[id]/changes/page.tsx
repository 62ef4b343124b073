import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getDatabase } from "@/db/client";
import { readVersion } from "@/db/queries/studio-courses";
import { loadEditableCourse } from "@/lib/studio/editable-course";
import { diffTrees } from "@/lib/studio/line-diff";

export const metadata: Metadata = { title: "Changes · Studio" };

interface Params {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}

/** What changed between a published version and the draft (or another version), line by line. */
export default async function ChangesPage({ params, searchParams }: Params) {
  const { course, files: draft } = await loadEditableCourse((await params).id);
  const { from = "", to = "draft" } = await searchParams;
  const db = getDatabase().db;
  const side = async (value: string) =>
    value === "draft"
      ? draft
      : /^[1-9]\d{0,8}$/.test(value)
        ? await readVersion(db, course.id, Number(value))
        : undefined;
  const [before, after] = await Promise.all([side(from), side(to)]);
  if (!before || !after) notFound();
  const label = (value: string) => (value === "draft" ? "the draft" : `version ${value}`);
  const diffs = diffTrees(before, after);
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/studio">Studio</Link> <span aria-hidden="true">/</span>{" "}
        <Link href={`/studio/courses/${course.id}`}>{course.title}</Link>{" "}
        <span aria-hidden="true">/</span>
      </nav>
      <h1>
        Changes from {label(from)} to {label(to)}
      </h1>
      {diffs.length === 0 ? <p>No changes: the two are the same.</p> : null}
      {diffs.map((file) => (
        <section key={file.name} aria-label={file.name} className="file-diff">
          <h2>
            <code>{file.name}</code> <span className="badge">{file.status}</span>
          </h2>
          <pre className="diff">
            {file.lines.map((line, i) =>
              line.kind === "same" ? (
                <span key={i}>{`  ${line.text}\n`}</span>
              ) : line.kind === "added" ? (
                <ins key={i}>{`+ ${line.text}\n`}</ins>
              ) : (
                <del key={i}>{`- ${line.text}\n`}</del>
              ),
            )}
          </pre>
        </section>
      ))}
    </div>
  );
}
