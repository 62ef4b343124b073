import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { loadEditableCourse } from "@/lib/studio/editable-course";

import { LessonEditor } from "../../../../../../_components/studio/lesson-editor";

export const metadata: Metadata = { title: "Edit lesson" };

interface Params {
  params: Promise<{ id: string; stem: string }>;
}

/** A lesson file stem as course.yaml lists them, e.g. `01-qubits`. */
const STEM = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The lesson's title from its front matter, for the heading (the editor shows the rest). */
function titleOf(markdown: string): string | null {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1] ?? "";
  const title = /^title:\s*(.+?)\s*$/m.exec(frontMatter)?.[1];
  return title ? title.replace(/^(["'])(.*)\1$/, "$2") : null;
}

/**
 * The studio's lesson editor for lesson `stem` of a course draft. loadEditableCourse answers
 * for who may edit (sign-in redirect, 404 for a course the user does not teach).
 */
export default async function StudioLessonPage({ params }: Params) {
  const { id, stem } = await params;
  const { course, revision, files } = await loadEditableCourse(id);
  const name = `${stem}.md`;
  if (!STEM.test(stem) || !Object.hasOwn(files, name)) notFound();
  const markdown = files[name];
  const file = (suffix: string) =>
    Object.hasOwn(files, `${stem}${suffix}`) ? files[`${stem}${suffix}`] : null;
  return (
    <div className="page page--studio">
      <nav aria-label="Breadcrumb" className="lesson-breadcrumb">
        <Link href="/studio">Studio</Link> ›{" "}
        <Link href={`/studio/courses/${encodeURIComponent(course.id)}`}>{course.title}</Link>
      </nav>
      <h1>{titleOf(markdown) ?? stem}</h1>
      <LessonEditor
        courseId={course.id}
        stem={stem}
        revision={revision}
        files={{
          markdown,
          exercises: file(".exercises.yaml"),
          quiz: file(".quiz.yaml"),
        }}
      />
    </div>
  );
}
