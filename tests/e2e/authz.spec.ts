import { expect, test } from "@playwright/test";

import { newUser, signUp } from "./support";

const cells = "/api/progress/cells";
const lessonQuery = "?courseId=qml-foundations&lessonId=qubits-and-the-bloch-sphere";

test("unauthenticated reads and writes of progress are refused", async ({ request }) => {
  expect((await request.get(`${cells}${lessonQuery}`)).status()).toBe(401);
  const put = await request.put(cells, {
    data: {
      courseId: "qml-foundations",
      lessonId: "qubits-and-the-bloch-sphere",
      cells: [{ cellId: "x", source: "h q[0];", editedAt: Date.now() }],
    },
  });
  expect(put.status()).toBe(401);
  expect((await put.json()).error.message).toMatch(/Sign in/);
  const lesson = await request.post("/api/progress/lessons", {
    data: {
      event: "complete",
      courseId: "qml-foundations",
      lessonId: "qubits-and-the-bloch-sphere",
    },
  });
  expect(lesson.status()).toBe(401);
});

test("one learner cannot read or overwrite another learner's code", async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  await signUp(await alice.newPage(), newUser("alice"));
  await signUp(await bob.newPage(), newUser("bob"));

  const saved = await alice.request.put(cells, {
    data: {
      courseId: "qml-foundations",
      lessonId: "qubits-and-the-bloch-sphere",
      cells: [
        { cellId: "qubits-exercise-amplitudes", source: "// alice's secret", editedAt: Date.now() },
      ],
    },
  });
  expect(saved.status()).toBe(200);

  // Bob sees only his own (empty) work; there is no parameter that could name Alice.
  const bobs = await bob.request.get(`${cells}${lessonQuery}`);
  expect(await bobs.json()).toEqual({ cells: [] });
  const sneaky = await bob.request.get(`${cells}${lessonQuery}&userId=anything`);
  expect(JSON.stringify(await sneaky.json())).not.toContain("alice");
  const forged = await bob.request.put(cells, {
    data: {
      userId: "alice",
      courseId: "qml-foundations",
      lessonId: "qubits-and-the-bloch-sphere",
      cells: [],
    },
  });
  expect(forged.status()).toBe(400);

  const alices = await alice.request.get(`${cells}${lessonQuery}`);
  expect((await alices.json()).cells[0].source).toBe("// alice's secret");
  await alice.close();
  await bob.close();
});

test("a learner cannot reach instructor pages", async ({ page }) => {
  await signUp(page, newUser());
  const response = await page.goto("/studio");
  expect(response?.status()).toBe(404);
});

test("two tabs saving the same cell keep the newest edit, whatever order the saves arrive in", async ({
  page,
}) => {
  await signUp(page, newUser());
  const save = (source: string, editedAt: number) =>
    page.request.put(cells, {
      data: {
        courseId: "qml-foundations",
        lessonId: "qubits-and-the-bloch-sphere",
        cells: [{ cellId: "qubits-exercise-amplitudes", source, editedAt }],
      },
    });
  const now = Date.now();
  // The newer edit arrives first; the older one (a slow tab, a retry) must not overwrite it.
  await Promise.all([save("newer", now + 10), save("newer", now + 10)]);
  await save("older", now);
  const { cells: saved } = await (await page.request.get(`${cells}${lessonQuery}`)).json();
  expect(saved).toEqual([
    { cellId: "qubits-exercise-amplitudes", source: "newer", editedAt: now + 10 },
  ]);
});
