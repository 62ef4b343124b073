import { describe, expect, it } from "vitest";

import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";
import type { StateVector } from "@/lib/quantum/statevector";
import { statevectorJsonChunks } from "@/lib/quantum/statevector-json";

const SOURCE =
  'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[3] q;\nh q[0];\nry(0.3) q[1];\ncx q[1], q[2];\ns q[2];\n';

describe("statevectorJsonChunks and onFinalState", () => {
  it("write, in chunks, exactly what JSON.stringify writes for the result's statevector", () => {
    const circuit = compile(SOURCE);
    const listed = simulate(circuit, { seed: 1 }).statevector;
    let state: StateVector | undefined;
    const handed = simulate(circuit, { seed: 1, onFinalState: (s) => (state = s) });
    expect(handed.statevector).toBeNull();
    expect(handed).not.toHaveProperty("statevectorNote");
    const chunks = [...statevectorJsonChunks(state!, 3)];
    expect(chunks).toHaveLength(3); // 8 amplitudes: 3 + 3 + 2
    expect(`[${chunks.join("")}]`).toBe(JSON.stringify(listed));
  });
});
