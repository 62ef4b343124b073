import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { courseRepository } from "@/lib/courses/repository";
import { fileCourseRepository } from "@/lib/notebook/file-repository";
import { loadCompletedLessons } from "@/lib/progress/load-progress";

import { formatMinutes, plural } from "../../../_components/format";
import { Syllabus } from "../../../_components/progress/syllabus";

interface Params {
  params: Promise<{ course: string }>;
}

/**
 * content/'s courses are known at build time; published studio courses live in the database
 * and render on request (an unknown id is a 404 from the page).
 */
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await fileCourseRepository.listCourses()).map((course) => ({ course: course.id }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const course = await courseRepository.getCourse((await params).course);
  return course ? { title: course.title, description: course.summary } : {};
}

export default async function SyllabusPage({ params }: Params) {
  const course = await courseRepository.getCourse((await params).course);
  if (!course) notFound();
  const minutes = course.lessons.reduce((sum, l) => sum + l.minutes, 0);
  // Ticks for a signed-in learner arrive with the page; a guest's come from the browser.
  const user = await getCurrentUser();
  const completed = user ? await loadCompletedLessons(getDatabase().db, user.id) : null;
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/learn">Library</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{course.title}</h1>
      <p className="lead">{course.summary}</p>
      <p className="meta">
        {plural(course.lessons.length, "lesson")} · {formatMinutes(minutes)}
      </p>
      <Syllabus courseId={course.id} lessons={course.lessons} completed={completed} />
    </div>
  );
}
