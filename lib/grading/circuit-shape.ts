/**
 * What the checks need to know about a circuit's structure before simulating it: which
 * measurements are terminal (nothing later depends on them, so they can be dropped to look at
 * the state just before them), and the first operation, if any, that makes the rest of the
 * circuit non-unitary (a mid-circuit measurement, a reset, a classically controlled operation).
 *
 * The rule for "terminal" is the engine's own (`terminalMeasurements` in lib/quantum/program.ts).
 */
import type { Circuit, MeasureOp, SourceLocation } from "@/lib/quantum/ir";
import { nonUnitaryReason, terminalMeasurements, touchedQubits } from "@/lib/quantum/program";

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

export function circuitShape(circuit: Circuit): CircuitShape {
  const terminal = terminalMeasurements(circuit);

  let obstacle: Obstacle | undefined;
  const used = new Set<number>();
  for (const [i, op] of circuit.ops.entries()) {
    if (terminal.has(i) || op.kind === "barrier") continue;
    // A reset of a qubit nothing has touched yet leaves it in |0⟩: a no-op, as in the engine.
    const freshReset = op.kind === "reset" && !op.condition && !used.has(op.qubit);
    for (const q of touchedQubits(op)) used.add(q);
    if (freshReset) continue;
    const reason: ObstacleReason | undefined = nonUnitaryReason(op);
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
