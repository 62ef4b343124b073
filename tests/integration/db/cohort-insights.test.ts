import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import { recordAttempt } from "@/db/queries/attempts";
import { createCohort, joinCohort, leaveCohort } from "@/db/queries/cohorts";
import { recordLessonVisit } from "@/db/queries/progress";
import { insertQuizAttempt } from "@/db/queries/quizzes";
import { createUser, type PublicUser } from "@/db/queries/users";
import type { CohortRow } from "@/db/schema";
import { gradebookCsv } from "@/lib/cohorts/gradebook-csv";
import {
  cohortInsights,
  courseItems,
  type CourseItems,
  submissionsOf,
  wrongSubmissionsTo,
} from "@/lib/cohorts/insights";
import { clusterMisconceptions } from "@/lib/cohorts/misconceptions";
import { gradeExercise } from "@/lib/grading/grade-exercise";
import { type AnswerValue, gradeQuiz } from "@/lib/grading/grade-quiz";
import type { LessonExercise } from "@/lib/grading/load-checks";
import { getLessonChecks } from "@/lib/grading/repository";
import type { Question, Quiz } from "@/lib/grading/schemas";

import { testDatabases } from "../../support/databases";

const COURSE = "qml-foundations";
const LESSON = "qubits-and-the-bloch-sphere";
const EXERCISE = "qubits-exercise-amplitudes";

const circuit = (gates: string) =>
  `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\n${gates}\n`;
/** Two wrong answers written differently that prepare the same state |1⟩, and a third wrong one. */
const FLIP = circuit("x q[0];");
const FLIP_BY_ROTATION = circuit("ry(pi) q[0];");
const EVEN_SPLIT = circuit("h q[0];");
const RIGHT = circuit("ry(pi/3) q[0];");

/** A right answer to a question of the quiz, or a wrong one (the first wrong option). */
function answerTo(q: Question, right: boolean): AnswerValue | undefined {
  switch (q.type) {
    case "single":
      return right ? q.answer : q.options.find((o) => o.id !== q.answer)!.id;
    case "multiple":
      return right ? q.answer : [q.options.find((o) => !q.answer.includes(o.id))!.id];
    case "truefalse":
      return right ? q.answer : !q.answer;
    case "numeric":
      return String(right ? q.answer.value : q.answer.value + 10 * q.answer.tolerance + 1);
    default:
      return undefined; // left unanswered
  }
}

/** RFC 4180 rows: quoted fields may hold commas and doubled quotes; lines end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && ch === "\r" && text[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe.each(testDatabases)("cohort insights on $name", (kind) => {
  let handle: DatabaseHandle;
  let cohort: CohortRow;
  let items: CourseItems;
  let exercise: LessonExercise;
  let quiz: Quiz;
  let learners: PublicUser[];
  let outsider: PublicUser;
  let attemptNumber = 0;
  let adaQuizScore = 0;

  async function submit(user: PublicUser, source: string) {
    const feedback = gradeExercise(exercise, source);
    await recordAttempt(handle.db, {
      userId: user.id,
      attemptKey: `k${++attemptNumber}`,
      courseId: COURSE,
      lessonId: LESSON,
      cellId: EXERCISE,
      source,
      passed: feedback.passed,
      score: feedback.fidelity ?? null,
      feedback,
    });
    return feedback;
  }

  /** The learner answers the first `rightCount` answerable questions right, the rest wrong. */
  async function takeQuiz(user: PublicUser, rightCount: number) {
    const answers: Record<string, AnswerValue> = {};
    quiz.questions.forEach((q, i) => {
      const answer = answerTo(q, i < rightCount);
      if (answer !== undefined) answers[q.id] = answer;
    });
    const result = gradeQuiz(quiz, answers);
    await insertQuizAttempt(handle.db, {
      userId: user.id,
      attemptKey: `q${++attemptNumber}`,
      courseId: COURSE,
      lessonId: LESSON,
      quizId: quiz.id,
      answers,
      results: result,
      score: result.score,
      passed: result.passed,
    });
    return result;
  }

  beforeAll(async () => {
    handle = await kind.create();
    const checks = (await getLessonChecks(COURSE, LESSON))!;
    exercise = checks.exercises.find((e) => e.cell === EXERCISE)!;
    quiz = checks.quiz!;
    items = (await courseItems(COURSE))!;
    const teacher = await createUser(handle.db, {
      email: "teacher@insights.test",
      name: "Teacher",
      passwordHash: null,
      role: "instructor",
    });
    cohort = await createCohort(handle.db, {
      courseId: COURSE,
      name: "Autumn, =1+1",
      ownerId: teacher.id,
      closesAt: null,
    });
    learners = [];
    for (const name of ["Ada", "Bob", "Cy", "Di"]) {
      const user = await createUser(handle.db, {
        email: `${name.toLowerCase()}@insights.test`,
        name,
        passwordHash: null,
      });
      await joinCohort(handle.db, cohort.id, user.id);
      learners.push(user);
    }
    outsider = await createUser(handle.db, {
      email: "eve@insights.test",
      name: "Eve",
      passwordHash: null,
    });
    const [ada, bob, cy, di] = learners;

    // Everyone opens the lesson; Di only reads.
    for (const user of [...learners, outsider]) {
      await recordLessonVisit(handle.db, user.id, COURSE, LESSON, 60);
    }
    // Ada solves at once; Bob after two wrong tries; Cy never does.
    await submit(ada, RIGHT);
    await submit(bob, FLIP);
    await submit(bob, EVEN_SPLIT);
    await submit(bob, RIGHT);
    await submit(cy, FLIP_BY_ROTATION);
    await submit(outsider, FLIP); // not a member: must appear nowhere

    adaQuizScore = (await takeQuiz(ada, quiz.questions.length)).score;
    await takeQuiz(bob, 3);
    await takeQuiz(cy, 1);
    await takeQuiz(di, 0);
    await takeQuiz(outsider, 0);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("grades the fixtures as intended: the three wrong circuits fail and the right one passes", () => {
    expect(gradeExercise(exercise, RIGHT).passed).toBe(true);
    for (const wrong of [FLIP, FLIP_BY_ROTATION, EVEN_SPLIT]) {
      expect(gradeExercise(exercise, wrong).passed).toBe(false);
    }
  });

  it("funnels count members only: opened, attempted, solved, attempts to solve", async () => {
    const insights = await cohortInsights(handle.db, cohort, items);
    expect(insights.roster.map((r) => r.name)).toEqual(["Ada", "Bob", "Cy", "Di"]);
    const funnel = insights.funnels.find((f) => f.cellId === EXERCISE)!;
    expect(funnel.title).toBe("Prepare given amplitudes");
    expect(funnel).toMatchObject({ opened: 4, attempted: 3, solved: 2, wrongAttempts: 3 });
    // Ada took 1 attempt, Bob 3: the median of [1, 3].
    expect(funnel.medianAttemptsToSolve).toBe(2);
    // An exercise of a lesson no one opened.
    const untouched = insights.funnels.find((f) => f.lessonId !== LESSON)!;
    expect(untouched).toMatchObject({ opened: 0, attempted: 0, solved: 0 });
  });

  it("quiz item statistics: share correct, discrimination and the most chosen wrong answer", async () => {
    const insights = await cohortInsights(handle.db, cohort, items);
    const stats = insights.quizzes.find((q) => q.quizId === quiz.id)!;
    expect(stats.takers).toBe(4);
    const [first, second] = stats.questions;
    // Question 1: Ada, Bob and Cy right, Di wrong; question 2: Ada and Bob right.
    expect(first).toMatchObject({ answered: 4, correct: 3, shareCorrect: 0.75 });
    expect(second).toMatchObject({ answered: 4, correct: 2, shareCorrect: 0.5 });
    // Top group (Ada) right, bottom group (Di) wrong on both.
    expect(first.discrimination).toBe(1);
    const firstQuestion = quiz.questions[0];
    if (firstQuestion.type !== "single")
      throw new Error("the fixture expects a single-choice question first");
    const wrongOption = firstQuestion.options.find((o) => o.id !== firstQuestion.answer)!;
    expect(first.commonWrong).toEqual({ label: wrongOption.text, count: 1 });
    // The circuit question was left unanswered by everyone.
    const circuitStats = stats.questions.find((s) => s.questionId === "qubits-circuit-always-one")!;
    expect(circuitStats).toMatchObject({ answered: 0, shareCorrect: null, commonWrong: null });
  });

  it("groups wrong submissions by the state they prepare, not by their code", async () => {
    const wrong = await wrongSubmissionsTo(handle.db, cohort, EXERCISE);
    expect(wrong).toHaveLength(3); // Bob's two and Cy's one; Eve is not a member
    const clusters = clusterMisconceptions(wrong);
    expect(clusters.map((c) => [c.count, c.learners])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    expect(clusters[0].description).toBe("prepare the same wrong state");
    // The shorter of x and ry(pi) represents the group.
    expect(clusters[0].representative.source).toBe(FLIP);
    expect(clusters[1].representative.source).toBe(EVEN_SPLIT);
  });

  it("a learner's submissions: newest first, with code and feedback; none for outsiders", async () => {
    const bob = learners[1];
    const submissions = await submissionsOf(handle.db, cohort, bob.id);
    expect(submissions.map((s) => [s.source, s.passed])).toEqual([
      [RIGHT, true],
      [EVEN_SPLIT, false],
      [FLIP, false],
    ]);
    expect(submissions[1].feedback.message).toMatch(/fidelity/i);
    expect(await submissionsOf(handle.db, cohort, outsider.id)).toEqual([]);
  });

  it("the gradebook has a row per member with exercise and quiz columns by title", async () => {
    const { gradebook } = await cohortInsights(handle.db, cohort, items);
    const [header, ...rows] = parseCsv(gradebookCsv(gradebook));
    expect(rows).toHaveLength(4);
    const exerciseColumn = header.indexOf("Exercise: Prepare given amplitudes");
    const quizColumn = header.indexOf("Quiz: Bits, qubits and the Bloch sphere (%)");
    expect(exerciseColumn).toBeGreaterThan(0);
    expect(quizColumn).toBeGreaterThan(0);
    const rowOf = (name: string) => rows.find((r) => r[0] === name)!;
    expect(rowOf("Bob")[exerciseColumn]).toBe("solved (3 attempts)");
    expect(rowOf("Cy")[exerciseColumn]).toBe("not yet (1 attempt)");
    expect(rowOf("Di")[exerciseColumn]).toBe("");
    // Ada answered every question she could right; the circuit one she left blank.
    expect(adaQuizScore).toBeGreaterThan(0.5);
    expect(rowOf("Ada")[quizColumn]).toBe(String(Math.round(adaQuizScore * 100)));
    expect(rows.map((r) => r[0])).toEqual(["Ada", "Bob", "Cy", "Di"]);
  });

  it("a learner who leaves drops out of every view at once", async () => {
    const cy = learners[2];
    await leaveCohort(handle.db, cohort.id, cy.id);
    const insights = await cohortInsights(handle.db, cohort, items);
    expect(insights.roster.map((r) => r.name)).toEqual(["Ada", "Bob", "Di"]);
    expect(insights.funnels.find((f) => f.cellId === EXERCISE)).toMatchObject({ attempted: 2 });
    expect(await wrongSubmissionsTo(handle.db, cohort, EXERCISE)).toHaveLength(2);
    expect(await submissionsOf(handle.db, cohort, cy.id)).toEqual([]);
  });
});
