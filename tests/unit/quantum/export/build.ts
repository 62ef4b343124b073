/**
 * Hand-built circuits for exporter tests: a tiny builder over the IR so a test reads like the
 * circuit it builds, without going through the OpenQASM front end.
 */
import type { Circuit, Condition, GateOp, Matrix, Op, Register } from "@/lib/quantum/ir";

const loc = { line: 1, column: 1 };

export interface GateOptions {
  params?: number[];
  controls?: number[];
  controlStates?: (0 | 1)[];
  condition?: Condition;
  matrix?: Matrix;
}

export function gate(name: string, qubits: number[], options: GateOptions = {}): GateOp {
  const controls = options.controls ?? [];
  return {
    kind: "gate",
    name,
    params: options.params ?? [],
    qubits,
    controls,
    controlStates: options.controlStates ?? controls.map(() => 1),
    matrix: options.matrix,
    condition: options.condition,
    loc,
  };
}

export function measure(qubit: number, clbit: number, condition?: Condition): Op {
  return { kind: "measure", qubit, clbit, condition, loc };
}

export function registers(sizes: readonly [string, number][]): Register[] {
  let offset = 0;
  return sizes.map(([name, size]) => {
    const reg = { name, size, offset };
    offset += size;
    return reg;
  });
}

export function circuit(
  ops: readonly Op[],
  qregs: readonly [string, number][],
  cregs: readonly [string, number][] = [],
  version: "2.0" | "3.0" = "3.0",
): Circuit {
  const q = registers(qregs);
  const c = registers(cregs);
  return {
    version,
    numQubits: q.reduce((n, r) => n + r.size, 0),
    numClbits: c.reduce((n, r) => n + r.size, 0),
    qregs: q,
    cregs: c,
    ops,
    inputs: [],
    expectations: [],
  };
}
