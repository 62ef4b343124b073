import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DatabaseHandle } from "@/db/client";
import {
  cohortRoster,
  findCohortByCode,
  listCohorts,
  listMemberships,
  normaliseJoinCode,
} from "@/db/queries/cohorts";
import { completeLesson } from "@/db/queries/progress";
import { createUser, type PublicUser } from "@/db/queries/users";
import { type CohortRow, exerciseAttempts, exerciseCompletions, quizAttempts } from "@/db/schema";
import { ForbiddenError } from "@/lib/auth/guards";
import { addCourseMember, createStudioCourse } from "@/db/queries/studio-courses";
import {
  createCohortForm,
  findTaughtCohort,
  inviteForCode,
  joinCohortForm,
  leaveCohortForm,
  teachesCohort,
} from "@/lib/cohorts/cohort-forms";

import { testDatabases } from "../../support/databases";

const COURSES = new Set(["qml-foundations", "other-course"]);
const NOW = new Date("2026-12-03T12:00:00Z");

describe.each(testDatabases)("cohorts on $name", (kind) => {
  let handle: DatabaseHandle;
  let teacher: PublicUser;
  let otherTeacher: PublicUser;
  let admin: PublicUser;
  let ada: PublicUser;
  let bob: PublicUser;
  let cohort: CohortRow;
  const make = (name: string, role: PublicUser["role"] = "learner") =>
    createUser(handle.db, { email: `${name}@x.test`, name, passwordHash: null, role });
  const form = (name: string, courseId = "qml-foundations", closesOn = "") => ({
    name,
    courseId,
    closesOn,
  });

  beforeAll(async () => {
    handle = await kind.create();
    teacher = await make("Teacher", "instructor");
    otherTeacher = await make("Other", "instructor");
    admin = await make("Admin", "admin");
    ada = await make("Ada");
    bob = await make("Bob");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("instructors start cohorts for offered courses; learners cannot, and bad forms are refused", async () => {
    const made = await createCohortForm(handle.db, teacher, form("Spring"), COURSES, NOW);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    cohort = made.cohort;
    expect(cohort.joinCode).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(cohort.inviteToken.length).toBeGreaterThanOrEqual(24);

    await expect(
      createCohortForm(handle.db, ada, form("Mine"), COURSES, NOW),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const problem = async (f: ReturnType<typeof form>) => {
      const outcome = await createCohortForm(handle.db, teacher, f, COURSES, NOW);
      return outcome.ok ? "created" : outcome.problem;
    };
    expect(await problem(form("   "))).toBe("invalid");
    expect(await problem(form("x".repeat(101)))).toBe("invalid");
    expect(await problem(form("Ghost", "no-such-course"))).toBe("unknown-course");
    expect(await problem(form("Late", "qml-foundations", "2026-12-02"))).toBe("closes-in-past");
    expect(await problem(form("Dated", "qml-foundations", "not-a-date"))).toBe("invalid");
  });

  it("only the cohort's owner and admins teach it", () => {
    expect(teachesCohort(teacher, cohort)).toBe(true);
    expect(teachesCohort(admin, cohort)).toBe(true);
    expect(teachesCohort(otherTeacher, cohort)).toBe(false);
    expect(teachesCohort(ada, cohort)).toBe(false);
    // A former instructor, demoted to learner, no longer sees the cohort.
    expect(teachesCohort({ ...teacher, role: "learner" }, cohort)).toBe(false);
  });

  it("joining needs the invite and a ticked consent; a typed code is forgiven its case and dash", async () => {
    const join = (user: PublicUser, consent: unknown, token: unknown = cohort.inviteToken) =>
      joinCohortForm(handle.db, user, { token, consent }, NOW);
    expect(await join(ada, null)).toEqual({ ok: false, problem: "consent-required" });
    expect(await listMemberships(handle.db, ada.id)).toEqual([]);
    expect(await join(ada, "on", "wrong-token")).toEqual({ ok: false, problem: "not-found" });

    const typed = cohort.joinCode.toLowerCase().replace("-", " ");
    expect(normaliseJoinCode(typed)).toBe(cohort.joinCode);
    expect(await inviteForCode(handle.db, typed)).toBe(cohort.inviteToken);
    expect(await inviteForCode(handle.db, "ZZZZ-ZZZZ")).toBeUndefined();

    expect((await join(ada, "on")).ok).toBe(true);
    expect((await join(ada, "on")).ok).toBe(true);
    const memberships = await listMemberships(handle.db, ada.id);
    expect(memberships.map((m) => [m.name, m.instructor])).toEqual([["Spring", "Teacher"]]);
    expect((await listCohorts(handle.db, teacher.id)).map((c) => [c.name, c.members])).toEqual([
      ["Spring", 1],
    ]);
    expect(await listCohorts(handle.db, otherTeacher.id)).toEqual([]);
    expect((await listCohorts(handle.db, null)).map((c) => c.name)).toEqual(["Spring"]);
  });

  it("a closed cohort takes no one new, and keeps its members", async () => {
    const made = await createCohortForm(
      handle.db,
      teacher,
      form("Short", "qml-foundations", "2026-12-05"),
      COURSES,
      NOW,
    );
    if (!made.ok) throw new Error(made.problem);
    const later = new Date("2026-12-06T00:00:00Z");
    expect(
      await joinCohortForm(
        handle.db,
        bob,
        { token: made.cohort.inviteToken, consent: "on" },
        later,
      ),
    ).toEqual({ ok: false, problem: "closed" });
    expect(
      (await joinCohortForm(handle.db, bob, { token: made.cohort.inviteToken, consent: "on" }, NOW))
        .ok,
    ).toBe(true);
    expect((await findCohortByCode(handle.db, made.cohort.joinCode))?.id).toBe(made.cohort.id);
  });

  it("the roster shows each member's progress in the cohort's course only, and forgets a learner who leaves", async () => {
    await completeLesson(handle.db, ada.id, "qml-foundations", "qubits");
    await completeLesson(handle.db, ada.id, "qml-foundations", "superposition");
    await completeLesson(handle.db, ada.id, "other-course", "elsewhere");
    // Bob is not in Spring: his progress must not show there.
    await completeLesson(handle.db, bob.id, "qml-foundations", "qubits");
    const attempt = (userId: string, passed: boolean) => ({
      id: randomUUID(),
      userId,
      attemptKey: randomUUID(),
      courseId: "qml-foundations",
      lessonId: "qubits",
      cellId: "qubits-flip",
      source: "x q;",
      passed,
      feedback: {},
    });
    const [wrong, right] = [attempt(ada.id, false), attempt(ada.id, true)];
    await handle.db.insert(exerciseAttempts).values([wrong, right]);
    await handle.db.insert(exerciseCompletions).values({
      userId: ada.id,
      courseId: "qml-foundations",
      cellId: "qubits-flip",
      lessonId: "qubits",
      attemptId: right.id,
    });
    const quiz = (quizId: string, score: number, createdAt: Date) => ({
      id: randomUUID(),
      userId: ada.id,
      attemptKey: randomUUID(),
      courseId: "qml-foundations",
      lessonId: "qubits",
      quizId,
      answers: {},
      results: {},
      score,
      passed: score >= 0.7,
      createdAt,
    });
    await handle.db
      .insert(quizAttempts)
      .values([
        quiz("q1", 0.4, new Date("2026-12-01T10:00:00Z")),
        quiz("q1", 1, new Date("2026-12-02T10:00:00Z")),
        quiz("q2", 0.5, new Date("2026-12-01T11:00:00Z")),
      ]);

    const roster = await cohortRoster(handle.db, cohort);
    expect(roster).toHaveLength(1);
    expect(roster[0]).toMatchObject({
      name: "Ada",
      lessonsCompleted: 2,
      exercisesSolved: 1,
      exerciseAttempts: 2,
      quizzesTaken: 2,
      quizMean: 0.75,
    });
    expect(roster[0].lastActiveAt).toBeInstanceOf(Date);

    expect(await leaveCohortForm(handle.db, ada, { cohortId: cohort.id })).toBe(true);
    expect(await leaveCohortForm(handle.db, ada, { cohortId: cohort.id })).toBe(false);
    expect(await cohortRoster(handle.db, cohort)).toEqual([]);
    expect(await listMemberships(handle.db, ada.id)).toEqual([]);
  });

  it("shows a studio course's cohorts to its co-instructors, and to no other instructor", async () => {
    const coTeacher = await make("Co", "instructor");
    await createStudioCourse(handle.db, {
      id: "studio-cohort-course",
      title: "Studio cohort course",
      ownerId: teacher.id,
      files: {},
    });
    await addCourseMember(handle.db, "studio-cohort-course", coTeacher.id);
    const made = await createCohortForm(
      handle.db,
      teacher,
      form("Studio cohort", "studio-cohort-course"),
      new Set(["studio-cohort-course"]),
      NOW,
    );
    if (!made.ok) throw new Error(made.problem);
    expect((await findTaughtCohort(handle.db, coTeacher, made.cohort.id))?.id).toBe(made.cohort.id);
    expect((await listCohorts(handle.db, coTeacher.id)).map((c) => c.id)).toEqual([made.cohort.id]);
    expect(await findTaughtCohort(handle.db, otherTeacher, made.cohort.id)).toBeUndefined();
    expect((await listCohorts(handle.db, otherTeacher.id)).map((c) => c.id)).not.toContain(
      made.cohort.id,
    );
  });
});
