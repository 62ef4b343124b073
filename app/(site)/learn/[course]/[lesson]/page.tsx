import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { renderPublicQuiz } from "@/lib/grading/public-view";
import { courseRepository, getLessonChecks } from "@/lib/courses/repository";
import { fileCourseRepository } from "@/lib/notebook/file-repository";
import { renderMarkdown } from "@/lib/notebook/render-markdown";
import { loadLessonState } from "@/lib/progress/load-progress";

import { formatMinutes } from "../../../../_components/format";
import { LessonPager } from "../../../../_components/notebook/lesson-pager";
import { LessonProgress } from "../../../../_components/notebook/lesson-progress";
import { LessonObjectives } from "../../../../_components/notebook/lesson-objectives";
import { NotebookView } from "../../../../_components/notebook/notebook-view";
import { LessonProgressProvider } from "../../../../_components/progress/lesson-progress-context";
import { QuizForm } from "../../../../_components/quiz/quiz-form";
import { TableOfContents } from "../../../../_components/notebook/table-of-contents";

interface Params {
  params: Promise<{ course: string; lesson: string }>;
}

/**
 * content/'s courses are known at build time; published studio courses live in the database
 * and render on request (an unknown id is a 404 from the page).
 */
export const dynamicParams = true;

export async function generateStaticParams() {
  const courses = await fileCourseRepository.listCourses();
  return courses.flatMap((course) =>
    course.lessons.map((lesson) => ({ course: course.id, lesson: lesson.slug })),
  );
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { course, lesson } = await params;
  const found = await courseRepository.getLesson(course, lesson);
  return found ? { title: found.meta.title, description: found.meta.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const { course: courseId, lesson: lessonSlug } = await params;
  const [course, lesson] = await Promise.all([
    courseRepository.getCourse(courseId),
    courseRepository.getLesson(courseId, lessonSlug),
  ]);
  if (!course || !lesson) notFound();
  // Goals only: the checks themselves (reference circuits, targets) stay on the server.
  const checks = await getLessonChecks(course.id, lesson.meta.id);
  const exercises = Object.fromEntries(
    (checks?.exercises ?? []).map((e) => [
      e.cell,
      { title: e.title, goalHtml: renderMarkdown(e.goal) },
    ]),
  );
  const index = course.lessons.findIndex((l) => l.id === lesson.meta.id);
  const toc = checks?.quiz
    ? [...lesson.toc, { depth: 2 as const, text: "Check your understanding", slug: "quiz-title" }]
    : lesson.toc;
  // A signed-in learner's progress arrives with the page; a guest's is read from the browser.
  const user = await getCurrentUser();
  const progress = user
    ? await loadLessonState(getDatabase().db, user.id, course.id, lesson.meta.id)
    : null;

  return (
    <div className="lesson-layout">
      <LessonProgressProvider courseId={course.id} lessonId={lesson.meta.id} initial={progress}>
        <article className="lesson" aria-labelledby="lesson-title">
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link href="/learn">Library</Link> <span aria-hidden="true">/</span>{" "}
            <Link href={`/learn/${course.id}`}>{course.title}</Link>{" "}
            <span aria-hidden="true">/</span>
          </nav>
          <header className="lesson__header">
            <p className="eyebrow">
              Lesson {lesson.meta.position} of {course.lessons.length} ·{" "}
              {formatMinutes(lesson.meta.minutes)}
            </p>
            <h1 id="lesson-title">{lesson.meta.title}</h1>
            <p className="lead">{lesson.meta.summary}</p>
            {/* Narrow screens only (CSS): there the list beside the text is hidden. */}
            <TableOfContents entries={toc} placement="top" />
            <LessonObjectives objectives={lesson.meta.objectives} />
          </header>
          <NotebookView lesson={lesson} exercises={exercises} />
          {checks?.quiz ? (
            <QuizForm
              courseId={course.id}
              lessonId={lesson.meta.id}
              initial={renderPublicQuiz(checks.quiz)}
            />
          ) : null}
          <LessonProgress courseId={course.id} lessonId={lesson.meta.id} />
          <LessonPager
            courseId={course.id}
            previous={course.lessons[index - 1]}
            next={course.lessons[index + 1]}
          />
        </article>
      </LessonProgressProvider>
      {/* After the article in reading order; CSS places it beside the text on wide screens. */}
      <aside className="lesson-layout__aside">
        <TableOfContents entries={toc} placement="aside" />
      </aside>
    </div>
  );
}
