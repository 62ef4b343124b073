/**
 * What the checks need to know about a circuit's structure before simulating it: which
 * measurements are terminal (nothing later depends on them, so they can be dropped to look at
 * the state just before them), and the first operation, if any, that makes the rest of the
 * circuit non-unitary (a mid-circuit measurement, a reset, a classically controlled operation).
 *
 * The rule for "terminal" is the engine's own (lib/quantum/simulate.ts): no later gate or reset
 * on the measured qubit, no later condition reading the bit, no later measurement writing it.
 */
import type { Circuit, MeasureOp, Op, SourceLocation } from "@/lib/quantum/ir";
import { assertNever } from "@/lib/quantum/ir";

export type ObstacleReason = "mid-circuit measurement" | "reset" | "classical control";

export interface Obstacle {
  readonly reason: ObstacleReason;
  readonly loc: SourceLocation;
}

export interface CircuitShape {
  /** Indices (into circuit.ops) of the terminal measurements. */
  readonly terminal: ReadonlySet<number>;
  readonly terminalMeasures: readonly MeasureOp[];
  /** True when the circuit measures anything at all (its outcomes are then classical bits). */
  readonly measures: boolean;
  /** The first operation that prevents a single final state, or undefined when there is none. */
  readonly obstacle?: Obstacle;
}

function touched(op: Op): readonly number[] {
  switch (op.kind) {
    case "gate":
      return [...op.controls, ...op.qubits];
    case "gphase":
      return op.controls;
    case "measure":
    case "reset":
      return [op.qubit];
    case "barrier":
      return [];
    default:
      return assertNever(op, "operation");
  }
}

export function circuitShape(circuit: Circuit): CircuitShape {
  const terminal = new Set<number>();
  const touchedAfter = new Set<number>();
  const readAfter = new Set<number>();
  const writtenAfter = new Set<number>();
  for (let i = circuit.ops.length - 1; i >= 0; i--) {
    const op = circuit.ops[i];
    if (
      op.kind === "measure" &&
      !op.condition &&
      !touchedAfter.has(op.qubit) &&
      !readAfter.has(op.clbit) &&
      !writtenAfter.has(op.clbit)
    ) {
      terminal.add(i);
      continue;
    }
    if (op.kind === "measure") writtenAfter.add(op.clbit);
    for (const q of touched(op)) touchedAfter.add(q);
    for (const c of op.condition?.clbits ?? []) readAfter.add(c);
  }

  let obstacle: Obstacle | undefined;
  const used = new Set<number>();
  for (const [i, op] of circuit.ops.entries()) {
    if (terminal.has(i) || op.kind === "barrier") continue;
    // A reset of a qubit nothing has touched yet leaves it in |0⟩: a no-op, as in the engine.
    const freshReset = op.kind === "reset" && !op.condition && !used.has(op.qubit);
    for (const q of touched(op)) used.add(q);
    if (freshReset) continue;
    const reason: ObstacleReason | undefined = op.condition
      ? "classical control"
      : op.kind === "measure"
        ? "mid-circuit measurement"
        : op.kind === "reset"
          ? "reset"
          : undefined;
    if (reason !== undefined) {
      obstacle = { reason, loc: op.loc };
      break;
    }
  }

  return {
    terminal,
    terminalMeasures: circuit.ops.filter((_, i): _ is MeasureOp => terminal.has(i)),
    measures: circuit.ops.some((op) => op.kind === "measure"),
    ...(obstacle ? { obstacle } : {}),
  };
}
