import { type APIRequestContext, type BrowserContext, expect, test } from "@playwright/test";

import { newUser, signUp, type TestUser } from "../../e2e/support";
import { CLUSTER_RATE_LIMIT_FLUSH_MS, CLUSTER_RUN_LIMIT, clusterNodes } from "./nodes";

/**
 * Two app nodes on one database behave as one site: whatever one node writes or signs, the other
 * honours. One learner signs up on node 1 (the project's baseURL); the tests then talk to both
 * nodes with that browser context. Its cookies are per host, not per port, so node 2 receives
 * node 1's session cookie just as it would behind a load balancer.
 */

const COURSE = "qml-foundations";
const LESSON = "qubits-and-the-bloch-sphere";
const CELLS = `/api/progress/cells?courseId=${COURSE}&lessonId=${LESSON}`;
const BELL =
  'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;\n';

const SOLVED_EXERCISES = [
  [
    "qubits-exercise-amplitudes",
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nry(pi/3) q[0];',
  ],
  [
    "qubits-exercise-three-quarters",
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nbit[1] c;\nry(2*pi/3) q[0];\nc = measure q;',
  ],
] as const;

// In order, in one worker, so the sign-up below happens once.
test.describe.configure({ mode: "default" });

let context: BrowserContext;
let api: APIRequestContext;
let user: TestUser;
let node1: string;
let node2: string;

test.beforeAll(async ({ browser }, info) => {
  [node1, node2] = clusterNodes(info);
  context = await browser.newContext({ baseURL: node1 });
  api = context.request;
  user = newUser("cluster");
  await signUp(await context.newPage(), user, "/me");
});

test.afterAll(async () => {
  await context?.close();
});

test("a session started on node 1 is valid on node 2", async ({ browser }) => {
  // A guest asking for /me is sent to sign in; this learner (new: no work yet) gets their dashboard.
  const page = await context.newPage();
  await page.goto(`${node2}/me`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${user.name}`);
  expect((await api.get(`${node2}${CELLS}`)).status()).toBe(200);

  // The cookie is what carries it: without it node 2 sees a guest.
  const guest = await browser.newContext();
  expect((await guest.request.get(`${node2}${CELLS}`)).status()).toBe(401);
  await guest.close();
});

test("code saved on node 1 is read on node 2, and the newest edit wins across nodes", async () => {
  const save = (node: string, source: string, editedAt: number) =>
    api.put(`${node}/api/progress/cells`, {
      data: { courseId: COURSE, lessonId: LESSON, cells: [{ cellId: "bell", source, editedAt }] },
    });
  const read = async (node: string) => {
    const response = await api.get(`${node}${CELLS}`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { cells: { cellId: string; source: string }[] }).cells;
  };

  const editedAt = Date.now();
  expect((await save(node1, BELL, editedAt)).status()).toBe(200);
  expect(await read(node2)).toEqual([{ cellId: "bell", source: BELL, editedAt }]);

  // A stale save arriving at the other node (a slow request from another tab) changes nothing.
  expect((await save(node2, "// older", editedAt - 1000)).status()).toBe(200);
  expect((await read(node1)).map((c) => c.source)).toEqual([BELL]);
});

test("a credential issued on node 1 verifies on node 2, and an edited one does not", async () => {
  // Two solved exercises earn a first level in one skill.
  for (const [cellId, source] of SOLVED_EXERCISES) {
    const check = await api.post(`${node1}/api/exercises/check`, {
      data: { courseId: COURSE, lessonId: LESSON, cellId, source, attemptKey: `cluster-${cellId}` },
    });
    expect(check.status()).toBe(200);
  }
  const issued = await api.post(`${node1}/api/credentials`);
  expect(issued.status()).toBe(201);
  const bundle = await issued.json();

  const verify = async (data: unknown) => {
    const response = await api.post(`${node2}/api/credentials/verify`, { data });
    expect(response.status()).toBe(200);
    return response.json();
  };
  // Node 2 trusts only the deployment's did:key: a node with a key of its own would answer
  // "foreign". It reads the status list written by node 1 from the shared database.
  const good = await verify(bundle);
  expect(good).toMatchObject({ format: "open-badges", check: { status: "valid" } });
  expect(good.check.credentials[0].details.learnerName).toBe(user.name);
  const tampered = structuredClone(bundle);
  tampered.verifiableCredential[0].credentialSubject.name = "Someone else";
  expect(await verify(tampered)).toMatchObject({ check: { status: "tampered" } });
});

test("the run rate limit is counted once for the whole cluster", async () => {
  const run = (node: string) =>
    api.post(`${node}/api/run`, { data: { source: BELL, shots: 16, seed: 1 } });

  // The limit counts fixed one-minute windows, and runs split across two windows would each
  // stay under it: start early in a window (this may wait up to 20 s, hence the longer timeout).
  test.setTimeout(60_000);
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 250));

  // Each node counts in memory and adds its count to the database every flush interval: the
  // limit is shared across nodes within the runs of one interval. So switch nodes after one.
  const flushed = () =>
    new Promise((resolve) => setTimeout(resolve, 3 * CLUSTER_RATE_LIMIT_FLUSH_MS));

  // Up to the limit, about half the runs on each node: all allowed, since the count is shared…
  const nodes = Array.from({ length: CLUSTER_RUN_LIMIT }, (_, i) =>
    i < CLUSTER_RUN_LIMIT / 2 ? node1 : node2,
  );
  const statuses: number[] = [];
  for (const [i, node] of nodes.entries()) {
    if (i > 0 && node !== nodes[i - 1]) await flushed();
    statuses.push((await run(node)).status());
  }
  expect(statuses).toEqual(nodes.map(() => 200));
  // …and one more is refused, on either node: on node 2, which counted it…
  const over = await run(node2);
  expect(over.status()).toBe(429);
  expect(Number(over.headers()["retry-after"])).toBeGreaterThan(0);
  // …and on node 1, once node 2's runs have reached the database.
  await flushed();
  expect((await run(node1)).status()).toBe(429);
});
