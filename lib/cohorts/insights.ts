import "server-only";

import type { Database } from "@/db/client";
import {
  cohortExerciseAttempts,
  cohortLatestQuizAttempts,
  cohortOpenedLessons,
  cohortSubmissions,
} from "@/db/queries/cohort-insights";
import { cohortRoster, type RosterEntry } from "@/db/queries/cohorts";
import type { CohortRow } from "@/db/schema";
import type { ExerciseFeedback } from "@/lib/grading/feedback";
import type { QuizAnswers, QuizResult } from "@/lib/grading/grade-quiz";
import type { Quiz } from "@/lib/grading/schemas";
import { courseRepository, getLessonChecks } from "@/lib/courses/repository";
import type { Course } from "@/lib/notebook/types";

import { type ExerciseFunnel, exerciseFunnels, type FunnelExercise } from "./exercise-funnel";
import type { Gradebook } from "./gradebook-csv";
import { type QuestionStats, quizItemStats } from "./quiz-item-stats";

/** A course's exercises and quizzes in lesson order, titled as learners see them. */
export interface CourseItems {
  readonly course: Course;
  readonly exercises: readonly FunnelExercise[];
  readonly quizzes: readonly { quiz: Quiz; lessonId: string; lessonTitle: string }[];
}

export async function courseItems(courseId: string): Promise<CourseItems | undefined> {
  const course = await courseRepository.getCourse(courseId);
  if (!course) return undefined;
  const perLesson = await Promise.all(
    course.lessons.map(async (lesson) => ({
      lesson,
      checks: await getLessonChecks(course.id, lesson.id),
    })),
  );
  return {
    course,
    exercises: perLesson.flatMap(({ lesson, checks }) =>
      (checks?.exercises ?? []).map((e) => ({
        cellId: e.cell,
        lessonId: lesson.id,
        title: e.title,
      })),
    ),
    quizzes: perLesson.flatMap(({ lesson, checks }) =>
      checks?.quiz ? [{ quiz: checks.quiz, lessonId: lesson.id, lessonTitle: lesson.title }] : [],
    ),
  };
}

export interface QuizInsight {
  readonly quizId: string;
  readonly lessonTitle: string;
  readonly takers: number;
  readonly questions: readonly QuestionStats[];
}

export interface CohortInsights {
  readonly roster: readonly RosterEntry[];
  readonly funnels: readonly ExerciseFunnel[];
  readonly quizzes: readonly QuizInsight[];
  readonly gradebook: Gradebook;
}

/** Everything the cohort page and its gradebook show, read in one pass. */
export async function cohortInsights(
  db: Database,
  cohort: CohortRow,
  items: CourseItems,
): Promise<CohortInsights> {
  const [roster, attempts, opened, storedQuizAttempts] = await Promise.all([
    cohortRoster(db, cohort),
    cohortExerciseAttempts(db, cohort),
    cohortOpenedLessons(db, cohort),
    cohortLatestQuizAttempts(db, cohort),
  ]);
  const quizAttempts = storedQuizAttempts.map((a) => ({
    ...a,
    answers: a.answers as QuizAnswers,
    results: a.results as QuizResult,
  }));

  const quizzes = items.quizzes.map(({ quiz, lessonTitle }) => {
    const taken = quizAttempts.filter((a) => a.quizId === quiz.id);
    return {
      quizId: quiz.id,
      lessonTitle,
      takers: taken.length,
      questions: quizItemStats(quiz, taken),
    };
  });

  const gradebook: Gradebook = {
    lessonCount: items.course.lessons.length,
    exercises: items.exercises.map((e) => ({ id: e.cellId, title: e.title })),
    quizzes: items.quizzes.map((q) => ({ id: q.quiz.id, title: q.lessonTitle })),
    learners: roster.map((member) => {
      const exercises = new Map<string, { solved: boolean; attempts: number }>();
      for (const a of attempts) {
        if (a.userId !== member.userId) continue;
        const entry = exercises.get(a.cellId) ?? { solved: false, attempts: 0 };
        exercises.set(a.cellId, {
          solved: entry.solved || a.passed,
          attempts: entry.attempts + 1,
        });
      }
      return {
        name: member.name,
        email: member.email,
        lessonsCompleted: member.lessonsCompleted,
        lastActiveAt: member.lastActiveAt,
        exercises,
        quizzes: new Map(
          quizAttempts.filter((a) => a.userId === member.userId).map((a) => [a.quizId, a.score]),
        ),
      };
    }),
  };

  return {
    roster,
    funnels: exerciseFunnels(items.exercises, opened, attempts),
    quizzes,
    gradebook,
  };
}

/** A stored exercise attempt with its feedback typed as the grader wrote it. */
export interface Submission {
  readonly id: string;
  readonly userId: string;
  readonly cellId: string;
  readonly source: string;
  readonly passed: boolean;
  readonly feedback: ExerciseFeedback;
  readonly createdAt: Date;
}

/** How many of a learner's submissions the page lists: the newest, which say most. */
export const SUBMISSIONS_SHOWN = 100;
/** How many of an exercise's wrong submissions are grouped: the newest, to bound the work. */
export const WRONG_SUBMISSIONS_GROUPED = 2000;

const typed = (rows: Awaited<ReturnType<typeof cohortSubmissions>>): Submission[] =>
  rows.map((row) => ({ ...row, feedback: row.feedback as ExerciseFeedback }));

/** A member's submissions in the cohort's course, newest first. */
export async function submissionsOf(
  db: Database,
  cohort: CohortRow,
  userId: string,
): Promise<Submission[]> {
  return typed(await cohortSubmissions(db, cohort, { userId }, SUBMISSIONS_SHOWN));
}

/** The cohort's failed submissions to one exercise, newest first. */
export async function wrongSubmissionsTo(
  db: Database,
  cohort: CohortRow,
  cellId: string,
): Promise<Submission[]> {
  return typed(
    await cohortSubmissions(db, cohort, { cellId, failed: true }, WRONG_SUBMISSIONS_GROUPED),
  );
}
