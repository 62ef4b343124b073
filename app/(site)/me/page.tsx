import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { listMemberships } from "@/db/queries/cohorts";
import { activityDays, listCompletions, listLessonProgress } from "@/db/queries/progress";
import { listReviews } from "@/db/queries/quizzes";
import { getCurrentUser } from "@/lib/auth/guards";
import { exerciseTitles } from "@/lib/grading/exercise-titles";
import { courseRepository } from "@/lib/courses/repository";
import { dashboardGreeting } from "@/lib/progress/greeting";
import { currentStreak, summariseCourses } from "@/lib/progress/summary";
import { learnerRoadmap, nextStepInCourse } from "@/lib/roadmap/service";

import { MyCohorts } from "../../_components/cohorts/my-cohorts";
import { formatMinutes, plural } from "../../_components/format";
import { TargetRolePanel } from "../../_components/roadmap/target-role-panel";

export const metadata: Metadata = { title: "My progress" };

async function loadDashboard(userId: string, now: Date) {
  const db = getDatabase().db;
  const [courses, progress, completions, days, exercises, reviews, cohorts, roadmap] =
    await Promise.all([
      courseRepository.listCourses(),
      listLessonProgress(db, userId),
      listCompletions(db, userId),
      activityDays(db, userId, new Date(now.getTime() - 400 * 86_400_000)),
      exerciseTitles(),
      listReviews(db, userId),
      listMemberships(db, userId),
      learnerRoadmap(db, userId, now),
    ]);
  return {
    roadmap,
    cohorts,
    courses,
    progress,
    completions,
    exercises,
    dueReviews: reviews.filter((r) => r.dueAt <= now).length,
    streak: currentStreak(days, now),
  };
}

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ left?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/me");

  const { courses, progress, completions, exercises, dueReviews, streak, cohorts, roadmap } =
    await loadDashboard(user.id, new Date());
  const summaries = summariseCourses(courses, progress);
  const lessonTitles = new Map(
    courses.flatMap((c) =>
      c.lessons.map((l) => [
        `${c.id}/${l.id}`,
        { title: l.title, href: `/learn/${c.id}/${l.slug}` },
      ]),
    ),
  );
  const minutes = Math.round(progress.reduce((sum, p) => sum + p.secondsSpent, 0) / 60);

  return (
    <div className="page">
      <h1>
        {dashboardGreeting(user.name, {
          lessonsVisited: progress.length,
          exercisesSolved: completions.length,
        })}
      </h1>
      <dl className="stats">
        <div>
          <dt>Streak</dt>
          <dd>{plural(streak, "day")}</dd>
        </div>
        <div>
          <dt>Exercises solved</dt>
          <dd>{completions.length}</dd>
        </div>
        <div>
          <dt>Lessons completed</dt>
          <dd>{progress.filter((p) => p.status === "completed").length}</dd>
        </div>
        <div>
          <dt>Time learning</dt>
          <dd>{formatMinutes(minutes)}</dd>
        </div>
        <div>
          <dt>Due for review</dt>
          <dd>
            <Link href="/review">{plural(dueReviews, "question")}</Link>
          </dd>
        </div>
      </dl>

      <TargetRolePanel view={roadmap} />

      <section aria-labelledby="courses-title">
        <h2 id="courses-title">Your courses</h2>
        {summaries.length === 0 ? (
          <p>
            Nothing started yet. <Link href="/learn">Pick a course in the library</Link>.
          </p>
        ) : (
          <ul className="course-grid">
            {summaries.map((s) => {
              // The same next step as the panel above, within this course.
              const next = nextStepInCourse(roadmap, s.course.id)?.lesson;
              return (
                <li key={s.course.id} className="course-card">
                  <h3>
                    <Link href={`/learn/${s.course.id}`}>{s.course.title}</Link>
                  </h3>
                  <div
                    className="progress"
                    role="progressbar"
                    aria-valuenow={s.percent}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-label={`${s.course.title} completed`}
                  >
                    <span style={{ width: `${s.percent}%` }} />
                  </div>
                  <p className="meta">
                    {s.completed} of {s.total} lessons · {s.percent}%
                  </p>
                  {next ? (
                    <Link
                      className="button button--primary button--small"
                      href={`/learn/${s.course.id}/${next.slug}`}
                      data-course-next-lesson={next.id}
                    >
                      Next: {next.title}
                    </Link>
                  ) : (
                    <p>Course complete.</p>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="activity-title">
        <h2 id="activity-title">Recent activity</h2>
        <ol className="activity">
          {progress.slice(0, 8).map((p) => {
            const lesson = lessonTitles.get(`${p.courseId}/${p.lessonId}`);
            return (
              <li key={`${p.courseId}/${p.lessonId}`}>
                {p.status === "completed" ? "Completed" : "Reading"}{" "}
                <Link href={lesson?.href ?? "/learn"}>{lesson?.title ?? p.lessonId}</Link>{" "}
                <time className="meta" dateTime={p.lastSeenAt.toISOString()}>
                  {p.lastSeenAt.toISOString().slice(0, 10)}
                </time>
              </li>
            );
          })}
          {completions.slice(0, 8).map((c) => {
            const lesson = lessonTitles.get(`${c.courseId}/${c.lessonId}`);
            const exercise = exercises.get(`${c.courseId}/${c.cellId}`);
            return (
              <li key={`ex-${c.courseId}/${c.cellId}`}>
                Solved exercise{" "}
                <Link href={`${lesson?.href ?? "/learn"}#cell-${c.cellId}`}>
                  {exercise?.title ?? c.cellId}
                </Link>
                {lesson ? ` in ${lesson.title}` : ""}{" "}
                <time className="meta" dateTime={c.solvedAt.toISOString()}>
                  {c.solvedAt.toISOString().slice(0, 10)}
                </time>
              </li>
            );
          })}
        </ol>
      </section>

      <MyCohorts
        cohorts={cohorts}
        courseTitles={new Map(courses.map((c) => [c.id, c.title]))}
        justLeft={(await searchParams).left === "1"}
      />
    </div>
  );
}
