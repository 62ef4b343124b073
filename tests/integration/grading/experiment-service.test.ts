import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";
import { createUser } from "@/db/queries/users";
import { exerciseAttempts, exerciseCompletions, skillEvidence } from "@/db/schema";

import { testDatabases } from "../../support/databases";

/**
 * An experiment exercise through the one grading service, on every database: graded in the
 * pool (a real worker re-runs the learner's minimisation and the reference's), stored with its
 * feedback — curves included — once per attempt key, with skill evidence on the first solve.
 */

const COURSE = "lab-course";
const LESSON = "lab-lesson";

const SPEC = `experiment: minimise
hamiltonian: { molecule: h2, bondLength: 0.735 }
weights: t
init: { seed: 1, scale: 0.1 }
optimizer: { kind: adam, stepSize: 0.1 }
steps: 80`;
const PRODUCT = `OPENQASM 3.0;
include "stdgates.inc";
input float t0; input float t1;
qubit[2] q;
x q[0];
ry(t0) q[0]; ry(t1) q[1];`;
const ENTANGLED = `OPENQASM 3.0;
include "stdgates.inc";
input float t0; input float t1; input float t2; input float t3;
qubit[2] q;
x q[0];
ry(t0) q[0]; ry(t1) q[1]; cx q[0], q[1]; ry(t2) q[0]; ry(t3) q[1];`;
const cell = (circuit: string) => `${SPEC}\n---\n${circuit}`;
const indent = (text: string) =>
  text
    .split("\n")
    .map((line) => `        ${line}`)
    .join("\n");

async function writeContent(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "ketbook-experiment-grading-"));
  const dir = path.join(root, "courses", "lab");
  await mkdir(path.join(root, "roadmap"), { recursive: true });
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(root, "roadmap", "skills.yaml"),
    "skills:\n  - id: vqe\n    name: VQE\n    area: algorithms\n    description: VQE.\n    prerequisites: []\n",
  );
  await writeFile(
    path.join(dir, "course.yaml"),
    `id: ${COURSE}\ntitle: Lab\nsummary: A lab.\nlevel: beginner\nlessons:\n  - 01-lab\n`,
  );
  await writeFile(
    path.join(dir, "01-lab.md"),
    `---\nid: ${LESSON}\ntitle: Lab\nsummary: A lab lesson.\nminutes: 10\nskills: [vqe]\nobjectives:\n  - Minimise.\n---\n\n## Minimise\n\n\`\`\`experiment {#ground-state exercise}\n${cell(PRODUCT)}\n\`\`\`\n`,
  );
  await writeFile(
    path.join(dir, "01-lab.exercises.yaml"),
    `exercises:
  - cell: ground-state
    skills: [vqe]
    title: Ground state
    goal: Reach chemical accuracy.
    check:
      kind: energy
      seed: 3
      reference: |
${indent(cell(ENTANGLED))}
    hints:
      - Entangle.
    solutionAfter: 2
    solution: Add a cx.
`,
  );
  return root;
}

process.env.KETBOOK_SIM_WORKERS = "1";
process.env.KETBOOK_CONTENT_DIR = await writeContent();
const { checkExercise } = await import("@/lib/grading/service");

let nextClient = 0;
const request = () =>
  new Request("http://localhost/api/exercises/check", {
    method: "POST",
    headers: stampedIdentityHeaders(`10.8.0.${++nextClient}`, "http"),
  });
let nextKey = 0;
const key = () => `experiment-attempt-${++nextKey}-${Date.now()}`;

describe.each(testDatabases)("experiment exercises in the grading service on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  let nextUser = 0;
  const newUser = async () =>
    (
      await createUser(handle.db, {
        email: `experimenter${++nextUser}@example.test`,
        name: "E",
        passwordHash: null,
      })
    ).id;
  const rows = async (
    table: typeof exerciseAttempts | typeof exerciseCompletions | typeof skillEvidence,
    userId: string,
  ) =>
    Number(
      (await handle.db.select({ n: count() }).from(table).where(eq(table.userId, userId)))[0].n,
    );
  const attempt = (userId: string | undefined, circuit: string, attemptKey = key()) => ({
    courseId: COURSE,
    lessonId: LESSON,
    cellId: "ground-state",
    source: cell(circuit),
    attemptKey,
    request: request(),
    userId,
  });

  it("stores a failed experiment attempt once per key, with its curves, and answers the retry from it", async () => {
    const userId = await newUser();
    const attemptKey = key();
    const first = await checkExercise(handle.db, attempt(userId, PRODUCT, attemptKey));
    expect(first.recorded).toBe(true);
    expect(first.feedback.passed).toBe(false);
    expect(first.feedback.message).toMatch(/mHa too far/);
    expect(first.feedback.experiment!.learner.history).toHaveLength(80);
    expect(first.feedback.experiment!.reference.history).toHaveLength(80);
    expect(first.hints).toHaveLength(1);

    // The same key with a passing circuit: answered from the stored (failed) grade.
    const retry = await checkExercise(handle.db, attempt(userId, ENTANGLED, attemptKey));
    expect(retry.recorded).toBe(false);
    expect(retry.feedback).toEqual(first.feedback);
    expect(await rows(exerciseAttempts, userId)).toBe(1);
    expect(await rows(skillEvidence, userId)).toBe(0);
  });

  it("counts a double submit of an experiment once, and records the first solve with evidence", async () => {
    const userId = await newUser();
    const attemptKey = key();
    const both = await Promise.all([
      checkExercise(handle.db, attempt(userId, ENTANGLED, attemptKey)),
      checkExercise(handle.db, attempt(userId, ENTANGLED, attemptKey)),
    ]);
    expect(both.map((r) => r.recorded).sort()).toEqual([false, true]);
    expect(both.every((r) => r.feedback.passed)).toBe(true);
    expect(await rows(exerciseAttempts, userId)).toBe(1);
    expect(await rows(exerciseCompletions, userId)).toBe(1);
    expect(await rows(skillEvidence, userId)).toBe(1);
    const [stored] = await handle.db
      .select({ passed: exerciseAttempts.passed, feedback: exerciseAttempts.feedback })
      .from(exerciseAttempts)
      .where(eq(exerciseAttempts.userId, userId));
    expect(stored.passed).toBe(true);
    expect(stored.feedback).toMatchObject({
      kind: "energy",
      experiment: { metric: "energyError" },
    });
  });

  it("grades a guest's experiment without storing it", async () => {
    const before = Number((await handle.db.select({ n: count() }).from(exerciseAttempts))[0].n);
    const result = await checkExercise(handle.db, attempt(undefined, PRODUCT));
    expect(result).toMatchObject({ recorded: false, signedIn: false, failedAttempts: 1 });
    expect(result.feedback.experiment!.fixedSummary).toContain("H₂ at 0.735 Å, seed 3");
    const after = Number((await handle.db.select({ n: count() }).from(exerciseAttempts))[0].n);
    expect(after).toBe(before);
  });
});
