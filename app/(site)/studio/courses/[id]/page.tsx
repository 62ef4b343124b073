import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { listCourseMembers, listVersions } from "@/db/queries/studio-courses";
import { loadCourseFiles } from "@/lib/studio/course-service";
import { loadEditableCourse } from "@/lib/studio/editable-course";

import { CoursePanel } from "../../../../_components/studio/course-panel";
import { MembersPanel } from "../../../../_components/studio/members-panel";
import { PublishPanel } from "../../../../_components/studio/publish-panel";

interface Params {
  params: Promise<{ id: string }>;
}

export const metadata: Metadata = { title: "Course · Studio" };

/** One studio course: its outline, publication and history, and who teaches it. */
export default async function StudioCoursePage({ params }: Params) {
  const { course, revision, files, user } = await loadEditableCourse((await params).id);
  const db = getDatabase().db;
  const [loaded, versions, members, owner] = await Promise.all([
    loadCourseFiles(course.id, files),
    listVersions(db, course.id),
    listCourseMembers(db, course.id),
    findUserById(db, course.ownerId),
  ]);
  const lessonTitles: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    if (!name.endsWith(".md")) continue;
    const title = /^title:\s*"?(.*?)"?\s*$/m.exec(text)?.[1];
    if (title) lessonTitles[name.slice(0, -3)] = title;
  }
  return (
    <div className="page studio-course">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/studio">Studio</Link> <span aria-hidden="true">/</span>
      </nav>
      <h1>{course.title}</h1>
      <p className="lead">
        Draft of <code>{course.id}</code>. Changes save as you make them; learners see them when you
        publish.
      </p>
      <CoursePanel
        courseId={course.id}
        revision={revision}
        courseYaml={files["course.yaml"] ?? ""}
        lessonTitles={lessonTitles}
        lessonFiles={Object.keys(files)}
        problems={loaded.ok ? [] : loaded.problems}
      />
      <PublishPanel
        courseId={course.id}
        published={course.publishedVersion}
        versions={versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() }))}
      />
      <MembersPanel
        courseId={course.id}
        owner={owner?.name ?? "—"}
        members={members}
        canManage={user.role === "admin" || user.id === course.ownerId}
      />
    </div>
  );
}
