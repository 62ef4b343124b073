import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { fileCourseRepository } from "@/lib/notebook/file-repository";

import { formatMinutes, plural } from "../../../_components/format";

interface Params {
  params: Promise<{ course: string }>;
}

/** Every course and lesson is known at build time; anything else is a 404 without rendering. */
export const dynamicParams = false;

export async function generateStaticParams() {
  return (await fileCourseRepository.listCourses()).map((course) => ({ course: course.id }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const course = await fileCourseRepository.getCourse((await params).course);
  return course ? { title: course.title, description: course.summary } : {};
}

export default async function SyllabusPage({ params }: Params) {
  const course = await fileCourseRepository.getCourse((await params).course);
  if (!course) notFound();
  const minutes = course.lessons.reduce((sum, l) => sum + l.minutes, 0);
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
      <ol className="syllabus">
        {course.lessons.map((lesson) => (
          <li key={lesson.id} className="syllabus__item">
            <Link href={`/learn/${course.id}/${lesson.slug}`} className="syllabus__link">
              <span className="syllabus__number">{lesson.position}</span>
              <span className="syllabus__body">
                <span className="syllabus__title">{lesson.title}</span>
                <span className="syllabus__summary">{lesson.summary}</span>
              </span>
              <span className="syllabus__minutes">{formatMinutes(lesson.minutes)}</span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
