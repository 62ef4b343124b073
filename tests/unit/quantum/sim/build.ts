/** A small hand-written IR builder for simulator tests (no parser involved). */
import type {
  Circuit,
  Condition,
  GateOp,
  GlobalPhaseOp,
  Matrix,
  Op,
  Register,
} from "@/lib/quantum/ir";

const loc = { line: 1, column: 1 };

export interface GateExtras {
  controls?: number[];
  controlStates?: (0 | 1)[];
  condition?: Condition;
  matrix?: Matrix;
}

export class CircuitBuilder {
  readonly ops: Op[] = [];
  readonly cregs: Register[];
  readonly expectations: { observable: string; loc: typeof loc }[] = [];

  /** `cregSizes` declares classical registers c0, c1, … in order. */
  constructor(
    readonly numQubits: number,
    cregSizes: number[] = [],
  ) {
    let offset = 0;
    this.cregs = cregSizes.map((size, i) => {
      const r = { name: `c${i}`, size, offset };
      offset += size;
      return r;
    });
  }

  gate(name: string, qubits: number[], params: number[] = [], extras: GateExtras = {}): this {
    const controls = extras.controls ?? [];
    this.ops.push({
      kind: "gate",
      name,
      params,
      qubits,
      controls,
      controlStates: extras.controlStates ?? controls.map(() => 1 as const),
      loc,
      ...(extras.matrix ? { matrix: extras.matrix } : {}),
      ...(extras.condition ? { condition: extras.condition } : {}),
    });
    return this;
  }

  h(q: number): this {
    return this.gate("h", [q]);
  }
  x(q: number): this {
    return this.gate("x", [q]);
  }
  cx(c: number, t: number): this {
    return this.gate("cx", [c, t]);
  }

  gphase(angle: number, controls: number[] = [], controlStates?: (0 | 1)[]): this {
    this.ops.push({
      kind: "gphase",
      angle,
      controls,
      controlStates: controlStates ?? controls.map(() => 1 as const),
      loc,
    });
    return this;
  }

  measure(qubit: number, clbit: number, condition?: Condition): this {
    this.ops.push({ kind: "measure", qubit, clbit, loc, ...(condition ? { condition } : {}) });
    return this;
  }

  reset(qubit: number): this {
    this.ops.push({ kind: "reset", qubit, loc });
    return this;
  }

  barrier(qubits: number[]): this {
    this.ops.push({ kind: "barrier", qubits, loc });
    return this;
  }

  expect(observable: string): this {
    this.expectations.push({ observable, loc });
    return this;
  }

  build(): Circuit {
    const numClbits = this.cregs.reduce((s, r) => s + r.size, 0);
    return {
      version: "3.0",
      numQubits: this.numQubits,
      numClbits,
      qregs: [{ name: "q", size: this.numQubits, offset: 0 }],
      cregs: this.cregs,
      ops: [...this.ops],
      inputs: [],
      expectations: [...this.expectations],
    };
  }
}

/** `if (bit == 1)` on one classical bit. */
export const ifBit = (clbit: number): Condition => ({
  clbits: [clbit],
  value: 1,
  label: `c[${clbit}]`,
});

/** One gate op, controls on |1⟩ unless `controlStates` says otherwise. */
export const gateOp = (
  name: string,
  qubits: number[],
  params: number[] = [],
  controls: number[] = [],
  controlStates: (0 | 1)[] = controls.map(() => 1),
): GateOp => ({ kind: "gate", name, params, qubits, controls, controlStates, loc });

/** A unitary circuit on one register `q` of `n` qubits, without classical bits. */
export const unitaryCircuit = (n: number, ops: (GateOp | GlobalPhaseOp)[]): Circuit => ({
  version: "3.0",
  numQubits: n,
  numClbits: 0,
  qregs: [{ name: "q", size: n, offset: 0 }],
  cregs: [],
  ops,
  inputs: [],
  expectations: [],
});
