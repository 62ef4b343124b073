import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { renderMarkdown } from "@/lib/notebook/render-markdown";
import { loadCourseFiles } from "@/lib/studio/course-service";
import { loadEditableCourse } from "@/lib/studio/editable-course";

import { formatMinutes, plural } from "../../../../../../_components/format";
import { LessonObjectives } from "../../../../../../_components/notebook/lesson-objectives";
import { NotebookView } from "../../../../../../_components/notebook/notebook-view";
import { CourseProblems } from "../../../../../../_components/studio/course-problems";

export const metadata: Metadata = { title: "Preview · Studio" };

interface Params {
  params: Promise<{ id: string; stem: string }>;
}

/**
 * A draft lesson as learners will see it once published: the same loader, renderer and
 * notebook, with runnable cells. Nothing here is stored as a learner's progress.
 */
export default async function PreviewPage({ params }: Params) {
  const { id, stem } = await params;
  const { course, files } = await loadEditableCourse(id);
  if (!Object.hasOwn(files, `${stem}.md`)) notFound();
  const loaded = await loadCourseFiles(course.id, files);
  const back = (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link href="/studio">Studio</Link> <span aria-hidden="true">/</span>{" "}
      <Link href={`/studio/courses/${course.id}`}>{course.title}</Link>{" "}
      <span aria-hidden="true">/</span>{" "}
      <Link href={`/studio/courses/${course.id}/lessons/${stem}`}>Edit {stem}</Link>
    </nav>
  );
  if (!loaded.ok) {
    return (
      <div className="page">
        {back}
        <h1>The draft does not load yet</h1>
        <CourseProblems problems={loaded.problems} />
      </div>
    );
  }
  const lesson = [...loaded.library.lessons.values()].find((l) =>
    l.meta.file.endsWith(`/${stem}.md`),
  );
  if (!lesson) {
    return (
      <div className="page">
        {back}
        <h1>Not in the course yet</h1>
        <p>
          <code>{stem}.md</code> is not listed in course.yaml: add it to the course&apos;s lessons
          to preview it.
        </p>
      </div>
    );
  }
  const { lessonChecks } = loaded;
  const checks = lessonChecks.get(lesson.meta.id);
  const exercises = Object.fromEntries(
    (checks?.exercises ?? []).map((e) => [
      e.cell,
      { title: e.title, goalHtml: renderMarkdown(e.goal) },
    ]),
  );
  return (
    <div className="lesson-layout">
      <article className="lesson" aria-labelledby="lesson-title">
        {back}
        <p className="notice" role="note">
          Preview of the draft. Learners see it once you publish.
        </p>
        <header className="lesson__header">
          <p className="eyebrow">
            Lesson {lesson.meta.position} of {loaded.course.lessons.length} ·{" "}
            {formatMinutes(lesson.meta.minutes)}
          </p>
          <h1 id="lesson-title">{lesson.meta.title}</h1>
          <p className="lead">{lesson.meta.summary}</p>
          <LessonObjectives objectives={lesson.meta.objectives} />
        </header>
        <NotebookView lesson={lesson} exercises={exercises} preview />
        {checks?.quiz ? (
          <section aria-labelledby="quiz-preview">
            <h2 id="quiz-preview">Check your understanding</h2>
            <p>
              {plural(checks.quiz.questions.length, "question")}: learners answer them under the
              lesson once it is published.
            </p>
            <ol>
              {checks.quiz.questions.map((q) => (
                <li key={q.id} dangerouslySetInnerHTML={{ __html: renderMarkdown(q.prompt) }} />
              ))}
            </ol>
          </section>
        ) : null}
      </article>
    </div>
  );
}
