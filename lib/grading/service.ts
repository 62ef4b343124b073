import "server-only";

import type { Database } from "@/db/client";
import { countFailedAttempts, findAttempt, recordAttempt } from "@/db/queries/attempts";
import { addSkillEvidence } from "@/db/queries/progress";
import {
  findQuizAttempt,
  findReviewAnswer,
  insertQuizAttempt,
  insertReviewAnswer,
  lockReviewState,
  saveReviewState,
} from "@/db/queries/quizzes";
import { renderMarkdown } from "@/lib/notebook/render-markdown";
import { nextReview } from "@/lib/review/leitner";
import type { Tasks } from "@/lib/tasks/registry";
import type { Outcome } from "@/lib/tasks/run-circuit";
import { runnerSettings, runTask } from "@/lib/tasks/service";

import {
  AttemptKeyReusedError,
  GradingFailedError,
  GradingRefusedError,
  UnknownCheckError,
} from "./errors";
import type { ExerciseFeedback } from "./feedback";
import { revealAnswers } from "./answer-reveal";
import {
  explainResult,
  type AnswerValue,
  type QuestionReport,
  type QuizAnswers,
  type QuizResult,
} from "./grade-quiz";
import { hintsFor, solutionUnlocked } from "./hints";
import type { LessonChecks, LessonExercise } from "./load-checks";
import { getLessonChecks } from "@/lib/courses/repository";
import { CHECK_CELLS, type Quiz } from "./schemas";

/**
 * "After the grade", in one place: grade in the simulation pool, then store the attempt, the
 * skill evidence and the review boxes in ONE transaction, once per attempt key. A retry with a
 * key already stored is answered from the stored grade and writes nothing; a retry after a
 * failed transaction finds nothing stored and writes everything. Route handlers parse the
 * request, check the user, call one function here and answer.
 *
 * Guests are graded too; nothing is stored for them.
 */

/** Who asks: the HTTP request (rate limit, fair share, cancellation) and the signed-in user. */
export interface Asker {
  readonly request: Request;
  readonly userId?: string;
}

/** What the service needs besides the database; tests replace a step to make it fail. */
export interface GradingDependencies {
  readonly now: () => Date;
  /** Writes skill evidence, inside the attempt's transaction. */
  readonly addSkillEvidence: typeof addSkillEvidence;
}

const defaults: GradingDependencies = { now: () => new Date(), addSkillEvidence };

type GradingTasks = Pick<Tasks, "grade" | "quiz">;

/**
 * The one place grading uses the simulation pool (counted against the asker's rate limit).
 * A learner's code that does not compile is feedback, not an error; an outcome that is not ok
 * is turned into a typed error by `gradeOf`.
 */
function gradeInPool<K extends keyof GradingTasks>(
  kind: K,
  input: GradingTasks[K]["input"],
  asker: Asker,
  deadlineMs?: number,
): Promise<GradingTasks[K]["output"]> {
  return runTask(kind, input, {
    request: asker.request,
    userId: asker.userId,
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
  });
}

/**
 * An exercise's grade in the pool. An experiment check re-runs the learner's training or
 * minimisation (seconds of work), so it gets the experiments' deadline, not one circuit's; its
 * evaluation budget is the check's own (GRADING_MAX_EVALUATIONS).
 */
function gradeExerciseInPool(exercise: LessonExercise, source: string, asker: Asker) {
  const experiment = CHECK_CELLS[exercise.check.kind] === "experiment";
  return gradeInPool(
    "grade",
    { exercise, source },
    asker,
    experiment ? runnerSettings.experimentDeadlineMs : undefined,
  );
}

function gradeOf<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  const { code, ...detail } = outcome.error;
  // The worker has logged the cause of an internal failure; the learner gets a generic answer.
  if (code === "internal") throw new GradingFailedError(`grading failed: ${detail.message}`);
  throw new GradingRefusedError({ code, ...detail });
}

function inTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Database));
}

function checksOf(checks: LessonChecks | undefined, what: string): LessonChecks {
  if (!checks) throw new UnknownCheckError(`no ${what}`);
  return checks;
}

/** A stored attempt answers a retry only if it is an answer to the same thing. */
function assertSameTarget(stored: object, expected: Record<string, string>): void {
  const row = stored as Record<string, unknown>;
  if (Object.entries(expected).some(([key, value]) => row[key] !== value)) {
    throw new AttemptKeyReusedError();
  }
}

const lessonPath = (courseId: string, checks: LessonChecks) =>
  `/learn/${courseId}/${checks.lesson.meta.slug}`;

/** Moves one question between Leitner boxes (locked, so concurrent answers queue). */
async function moveReviewBox(
  tx: Database,
  where: { userId: string; courseId: string; lessonId: string; questionId: string },
  correct: boolean,
  now: Date,
): Promise<void> {
  const current = await lockReviewState(tx, where.userId, where.courseId, where.questionId);
  const next = nextReview(current, correct, now);
  if (next) await saveReviewState(tx, { ...where, ...next, reviewedAt: now });
}

// ---------------------------------------------------------------------------------------------
// Exercises

export interface CheckExerciseInput extends Asker {
  readonly courseId: string;
  readonly lessonId: string;
  readonly cellId: string;
  readonly source: string;
  readonly attemptKey: string;
  /** Guests only: failed attempts counted in the browser (unlocks hints, never the solution). */
  readonly guestFailedAttempts?: number;
}

export interface ExerciseCheckResult {
  readonly feedback: ExerciseFeedback;
  readonly failedAttempts: number;
  /** False for guests and for a retry of an attempt already stored. */
  readonly recorded: boolean;
  readonly hints: string[];
  readonly hintsTotal: number;
  readonly solutionAfter: number;
  readonly solutionHtml: string | null;
  readonly signedIn: boolean;
}

function exerciseResult(
  exercise: LessonExercise,
  feedback: ExerciseFeedback,
  failedAttempts: number,
  { recorded, signedIn }: { recorded: boolean; signedIn: boolean },
): ExerciseCheckResult {
  // The worked solution only for signed-in learners: a guest's count is the browser's word.
  const showSolution = signedIn && (feedback.passed || solutionUnlocked(exercise, failedAttempts));
  return {
    feedback,
    failedAttempts,
    recorded,
    hints: hintsFor(exercise, failedAttempts).map(renderMarkdown),
    hintsTotal: exercise.hints.length,
    solutionAfter: exercise.solutionAfter,
    solutionHtml: showSolution ? renderMarkdown(exercise.solution) : null,
    signedIn,
  };
}

/**
 * Grades one attempt at an exercise. For a signed-in learner, stores the attempt and, on the
 * first pass of the exercise, skill evidence for the skills the exercise declares (never the
 * lesson's tags) — together or not at all.
 */
export async function checkExercise(
  db: Database,
  input: CheckExerciseInput,
  deps: GradingDependencies = defaults,
): Promise<ExerciseCheckResult> {
  const { courseId, lessonId, cellId, userId } = input;
  const what = `exercise ${cellId} in ${courseId}/${lessonId}`;
  const checks = await getLessonChecks(courseId, lessonId);
  const exercise = checks?.exercises.find((e) => e.cell === cellId);
  if (!checks || !exercise) throw new UnknownCheckError(`no ${what}`);
  const target = { courseId, cellId };

  if (!userId) {
    const feedback = gradeOf(await gradeExerciseInPool(exercise, input.source, input));
    const failedAttempts = (input.guestFailedAttempts ?? 0) + (feedback.passed ? 0 : 1);
    return exerciseResult(exercise, feedback, failedAttempts, { recorded: false, signedIn: false });
  }

  let stored = await findAttempt(db, userId, input.attemptKey);
  let recorded = false;
  if (!stored) {
    const feedback = gradeOf(await gradeExerciseInPool(exercise, input.source, input));
    const attempt = await inTransaction(db, async (tx) => {
      const attempt = await recordAttempt(tx, {
        userId,
        attemptKey: input.attemptKey,
        courseId,
        lessonId,
        cellId,
        source: input.source,
        passed: feedback.passed,
        score: feedback.fidelity ?? null,
        feedback,
      });
      if (attempt.firstSolve) {
        await deps.addSkillEvidence(
          tx,
          userId,
          exercise.skills.map((skillId) => ({
            skillId,
            kind: "exercise" as const,
            ref: `${courseId}/${cellId}`,
            score: 1,
          })),
        );
      }
      return attempt;
    });
    stored = attempt;
    recorded = attempt.isNew;
  }
  assertSameTarget(stored, target);
  const failedAttempts = await countFailedAttempts(db, userId, courseId, cellId);
  return exerciseResult(exercise, stored.feedback as ExerciseFeedback, failedAttempts, {
    recorded,
    signedIn: true,
  });
}

// ---------------------------------------------------------------------------------------------
// Quizzes and review

export interface QuizReport {
  readonly result: QuizResult;
  /** Shown only after submission (the answers are revealed only here). */
  readonly explanations: QuestionReport[];
}

function quizReport(
  quiz: Quiz,
  result: QuizResult,
  path: string,
  answers: QuizAnswers,
): QuizReport {
  const revealed = new Map(revealAnswers(quiz, answers).map((r) => [r.id, r]));
  const explanations = explainResult(quiz, result, path).map((e) => {
    const answer = revealed.get(e.id);
    return {
      id: e.id,
      correct: e.correct,
      yourAnswerHtml: answer?.yours == null ? null : renderMarkdown(answer.yours),
      rightAnswerHtml: renderMarkdown(answer?.right ?? ""),
      explanationHtml: renderMarkdown(e.explanation),
      href: e.href,
    };
  });
  return { result, explanations };
}

export interface SubmitQuizInput extends Asker {
  readonly courseId: string;
  readonly lessonId: string;
  readonly answers: QuizAnswers;
  readonly attemptKey: string;
  readonly secondsTaken?: number;
}

export interface QuizSubmission extends QuizReport {
  /** False for guests and for a retry of a submission already stored. */
  readonly recorded: boolean;
  readonly signedIn: boolean;
}

/**
 * Grades a quiz. For a signed-in learner, stores the attempt, moves every question's review box
 * (wrong answers enter review) and, on a pass, adds skill evidence for the skills the quiz
 * declares — in one transaction.
 */
export async function submitQuiz(
  db: Database,
  input: SubmitQuizInput,
  deps: GradingDependencies = defaults,
): Promise<QuizSubmission> {
  const { courseId, lessonId, userId } = input;
  const checks = checksOf(
    await getLessonChecks(courseId, lessonId),
    `lesson ${courseId}/${lessonId}`,
  );
  const quiz = checks.quiz;
  if (!quiz) throw new UnknownCheckError(`lesson ${courseId}/${lessonId} has no quiz`);
  const path = lessonPath(courseId, checks);
  const target = { courseId, lessonId, quizId: quiz.id };
  const grade = async () =>
    gradeOf(await gradeInPool("quiz", { quiz, answers: input.answers }, input));

  if (!userId)
    return {
      ...quizReport(quiz, await grade(), path, input.answers),
      recorded: false,
      signedIn: false,
    };

  const stored = await findQuizAttempt(db, userId, input.attemptKey);
  if (stored) {
    assertSameTarget(stored, target);
    return {
      ...quizReport(quiz, stored.results as QuizResult, path, stored.answers as QuizAnswers),
      recorded: false,
      signedIn: true,
    };
  }
  const result = await grade();
  const now = deps.now();
  const recorded = await inTransaction(db, async (tx) => {
    const isNew = await insertQuizAttempt(tx, {
      userId,
      attemptKey: input.attemptKey,
      ...target,
      answers: input.answers,
      results: result,
      score: result.score,
      passed: result.passed,
      secondsTaken: input.secondsTaken,
    });
    if (!isNew) return false;
    for (const q of result.questions) {
      await moveReviewBox(tx, { userId, courseId, lessonId, questionId: q.id }, q.correct, now);
    }
    if (result.passed) {
      await deps.addSkillEvidence(
        tx,
        userId,
        quiz.skills.map((skillId) => ({
          skillId,
          kind: "quiz" as const,
          ref: `${courseId}/${quiz.id}`,
          score: result.score,
        })),
      );
    }
    return true;
  });
  if (!recorded) {
    // The same submission was stored meanwhile (two requests at once): answer as it was stored.
    const first = await findQuizAttempt(db, userId, input.attemptKey);
    assertSameTarget(first!, target);
    return {
      ...quizReport(quiz, first!.results as QuizResult, path, first!.answers as QuizAnswers),
      recorded: false,
      signedIn: true,
    };
  }
  return { ...quizReport(quiz, result, path, input.answers), recorded: true, signedIn: true };
}

export interface AnswerReviewInput extends Asker {
  readonly userId: string;
  readonly courseId: string;
  readonly lessonId: string;
  readonly questionId: string;
  readonly answer: AnswerValue;
  readonly attemptKey: string;
}

export interface ReviewAnswerResult extends QuizReport {
  readonly correct: boolean;
  /** False for a retry of an answer already stored (the box did not move again). */
  readonly recorded: boolean;
}

/** A review question answered again: stored once per attempt key, moving its box once. */
export async function answerReview(
  db: Database,
  input: AnswerReviewInput,
  deps: GradingDependencies = defaults,
): Promise<ReviewAnswerResult> {
  const { courseId, lessonId, questionId, userId } = input;
  const what = `question ${questionId} in ${courseId}/${lessonId}`;
  const checks = checksOf(await getLessonChecks(courseId, lessonId), what);
  const question = checks.quiz?.questions.find((q) => q.id === questionId);
  if (!checks.quiz || !question) throw new UnknownCheckError(`no ${what}`);
  const single = { ...checks.quiz, questions: [question] };
  const path = lessonPath(courseId, checks);
  const target = { courseId, lessonId, questionId };
  const answered = (result: QuizResult, recorded: boolean): ReviewAnswerResult => ({
    ...quizReport(single, result, path, { [questionId]: input.answer }),
    correct: result.questions[0].correct,
    recorded,
  });

  const stored = await findReviewAnswer(db, userId, input.attemptKey);
  if (stored) {
    assertSameTarget(stored, target);
    return answered(stored.result as QuizResult, false);
  }
  const answers = { [questionId]: input.answer };
  const result = gradeOf(await gradeInPool("quiz", { quiz: single, answers }, input));
  const correct = result.questions[0].correct;
  const now = deps.now();
  const recorded = await inTransaction(db, async (tx) => {
    const isNew = await insertReviewAnswer(tx, {
      userId,
      attemptKey: input.attemptKey,
      ...target,
      correct,
      result,
    });
    if (isNew) await moveReviewBox(tx, { userId, courseId, lessonId, questionId }, correct, now);
    return isNew;
  });
  if (!recorded) {
    const first = await findReviewAnswer(db, userId, input.attemptKey);
    assertSameTarget(first!, target);
    return answered(first!.result as QuizResult, false);
  }
  return answered(result, true);
}
