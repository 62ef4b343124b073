import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";

import { testDatabases } from "../../support/databases";

// Two workers, as on the 2-core machines Ketbook is sized for.
process.env.KETBOOK_SIM_WORKERS = "2";
process.env.KETBOOK_RUN_RATE_LIMIT = "1000";
const { POST: exportPost } = await import("@/app/api/export/route");
const { POST: runPost } = await import("@/app/api/run/route");
const { POST: experimentExportPost } = await import("@/app/api/experiments/export/route");
const { GET: notebookGet, POST: notebookPost } =
  await import("@/app/(site)/learn/[course]/[lesson]/notebook.ipynb/route");

/**
 * The reproduction of a finding that let one 19.5 KB request stall a node for 18 s: gates nested
 * 16 deep (each calling the one below twice), wrapped 800 times.
 */
function gateBomb(depth = 16, wrappers = 800): string {
  let s = "OPENQASM 2.0; qreg q[1]; gate g0 x { U(0,0,0) x; } ";
  for (let i = 0; i < depth; i++) s += `gate g${i + 1} x { g${i} x; g${i} x; } `;
  s += `gate w0 x { g${depth} x; } `;
  for (let i = 0; i < wrappers; i++) s += `gate w${i + 1} x { w${i} x; } `;
  return `${s}w${wrappers} q[0];`;
}

const BELL = `OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nbit[2] c;\nh q[0];\ncx q[0], q[1];\nc = measure q;`;

let nextClient = 0;
function request(url: string, body: unknown): Request {
  return new Request(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...stampedIdentityHeaders(`10.20.0.${++nextClient}`, "http"),
    },
    body: JSON.stringify(body),
  });
}

describe.each(testDatabases)("compiling learner code off the request thread on $name", (kind) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("exports a circuit as Qiskit code", async () => {
    const response = await exportPost(
      request("http://localhost/api/export", { source: BELL, format: "qiskit" }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { code: string };
    expect(body.code).toMatch(/QuantumCircuit\(q, c\)/);
  });

  it("answers the nested-gate bomb with a 4xx naming the limit within 2 s, while a run answers within 1 s", async () => {
    const started = Date.now();
    const bomb = exportPost(
      request("http://localhost/api/export", { source: gateBomb(), format: "qiskit" }),
    );
    const runStarted = Date.now();
    const run = await runPost(request("http://localhost/api/run", { source: BELL, shots: 100 }));
    expect(run.status).toBe(200);
    expect(Date.now() - runStarted).toBeLessThan(1_000);
    const refused = await bomb;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(refused.status).toBe(422);
    const { error } = (await refused.json()) as { error: { message: string; limit?: string } };
    expect(error.limit).toBe("maxOperations");
    expect(error.message).toMatch(/maxOperations/);
  });

  it("downloads a notebook whose edited cell is the bomb, with the cell's error in place of its code", async () => {
    // The first request parses the course (once per process); time only the download itself.
    const context = { params: Promise.resolve({ course: "qml-foundations", lesson: "qubits" }) };
    const published = await notebookGet(
      new Request("http://localhost/learn/qml-foundations/qubits/notebook.ipynb", {
        headers: stampedIdentityHeaders("10.20.1.1", "http"),
      }),
      context,
    );
    expect(published.status).toBe(200);
    const started = Date.now();
    const response = await notebookPost(
      request("http://localhost/learn/qml-foundations/qubits/notebook.ipynb", {
        sources: { "qubits-flip": gateBomb() },
      }),
      { params: Promise.resolve({ course: "qml-foundations", lesson: "qubits" }) },
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(200);
    const notebook = (await response.json()) as {
      cells: { id: string; source: string[] }[];
    };
    const cell = notebook.cells.find((c) => c.id === "qubits-flip")!;
    expect(cell.source.join("")).toMatch(/maxOperations/);
    const untouched = notebook.cells.find((c) => c.id === "qubits-plus-shots")!;
    expect(untouched.source.join("")).toMatch(/QuantumCircuit/);
  });

  it("exports an experiment cell as a PennyLane or Qiskit ML script, and locates a spec mistake", async () => {
    const cell = `experiment: scan\nobservable: Z0\ngrid: { theta: [0, 3.14, 5] }\n---\nOPENQASM 3.0;\ninclude "stdgates.inc";\ninput float theta;\nqubit[1] q;\nry(theta) q[0];`;
    for (const [format, marker] of [
      ["pennylane", /import pennylane as qml/],
      ["qiskit-ml", /from qiskit/],
    ] as const) {
      const response = await experimentExportPost(
        request("http://localhost/api/experiments/export", { source: cell, format }),
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as { code: string }).code).toMatch(marker);
    }
    const bad = await experimentExportPost(
      request("http://localhost/api/experiments/export", {
        source: cell.replace("observable: Z0", "observable: Z0\ncolour: blue"),
        format: "pennylane",
      }),
    );
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      error: { line: 3, message: expect.stringMatching(/colour/) },
    });
  });

  it("puts each experiment into the .ipynb download as a Qiskit ML script", async () => {
    const response = await notebookGet(
      new Request("http://localhost/learn/qml-foundations/quantum-neural-networks/notebook.ipynb", {
        headers: stampedIdentityHeaders("10.20.1.2", "http"),
      }),
      { params: Promise.resolve({ course: "qml-foundations", lesson: "quantum-neural-networks" }) },
    );
    expect(response.status).toBe(200);
    const notebook = (await response.json()) as { cells: { id: string; source: string[] }[] };
    const experiment = notebook.cells.find((c) => c.id === "qnn-train-iris")!;
    expect(experiment.source.join("")).toMatch(/qiskit_machine_learning/);
    expect(notebook.cells.find((c) => c.id === "ketbook-install")!.source.join("")).toMatch(
      /qiskit-machine-learning/,
    );
  });
});
