/**
 * `delay`, `box`, `duration` and `stretch` are accepted and ignored in simulation, with a note
 * in the circuit and in the run's result.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@/lib/quantum/compile";
import { simulate } from "@/lib/quantum/simulate";
import { failure } from "./support";

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n';

describe("timing constructs", () => {
  it("keep the ops of a box, drop delays, and note each construct once", () => {
    const source = `${HEAD}qubit[2] q;\nduration d = 20ns;\ndelay[100ns] q[0];\nbox[d] { h q[0]; delay[d] q; }\ndelay[1.5us] q;\nbit[2] c = measure q;`;
    const circuit = compile(source);
    expect(circuit.ops.map((op) => op.kind)).toEqual(["gate", "measure", "measure"]);
    expect(circuit.notes).toEqual([
      {
        message:
          "`duration` (line 4) is accepted but has no effect: the simulation has no notion of time",
        loc: { line: 4, column: 1 },
      },
      {
        message:
          "`delay` (line 5) is accepted but has no effect: the simulation has no notion of time",
        loc: { line: 5, column: 1 },
      },
      {
        message:
          "`box` (line 6) is accepted but has no effect: the simulation has no notion of time",
        loc: { line: 6, column: 1 },
      },
    ]);
    const result = simulate(circuit, { shots: 8, seed: 2 });
    expect(result.notes).toHaveLength(3);
    expect(result.notes?.[1]).toContain("`delay` (line 5)");
  });

  it("a program without timing has no notes", () => {
    const circuit = compile(`${HEAD}qubit q;\nh q;`);
    expect(circuit.notes).toBeUndefined();
    expect(simulate(circuit, { seed: 1 }).notes).toBeUndefined();
  });

  it("gives located errors for misuse", () => {
    expect(failure(`${HEAD}qubit q;\ndelay[10ns] r;`)).toBe(
      "semantic 4:13: unknown register `r`; did you mean `q`?",
    );
    expect(failure(`${HEAD}qubit q;\ndelay q;`)).toBe(
      "syntax 4:7: expected `[` and a duration after `delay`, found `q`",
    );
    expect(failure(`${HEAD}qubit q;\nrz(5ns) q;`)).toBe(
      "unsupported 4:4: duration literals (`5ns`) are only allowed in `delay[...]`, `box[...]` and `duration` declarations",
    );
    expect(failure(`${HEAD}qubit q;\ndelay[10ns q;`)).toBe(
      "syntax 4:14: expected `]` to close the `[` at line 4, found end of input",
    );
  });
});
