/**
 * A learner's cell as grading sees it: the circuit (an OpenQASM cell, or the part of an
 * experiment cell below `---`) compiled with its `input float` parameters kept symbolic, and an
 * experiment's spec with the fields a check fixes written over the learner's.
 *
 * Every location stays the learner's: errors in the circuit are counted from the cell's first
 * line, and fixing a field keeps every line where it was, so a mistake found while grading points
 * at the same line and column the learner sees in the cell.
 */
import { isMap, isScalar, LineCounter, parseDocument, stringify } from "yaml";

import { ExperimentSpecError, splitExperiment } from "@/lib/qml/experiments/spec";
import { compileParametric, type ParametricCircuit } from "@/lib/quantum/diff";
import { QuantumError } from "@/lib/quantum/errors";
import type { Limits } from "@/lib/quantum/limits";

import { circuitShape } from "./circuit-shape";
import type { CompileErrorInfo } from "./feedback";
import type { Program } from "./programs";

export type CellLanguage = "qasm" | "experiment";

export type CellCircuit =
  | {
      readonly ok: true;
      readonly circuit: ParametricCircuit;
      readonly program: Program;
      /** Lines of the cell above the circuit (an experiment's spec and its `---`). */
      readonly offset: number;
    }
  | { readonly ok: false; readonly error: CompileErrorInfo };

/** The circuit of a cell, compiled once with its inputs symbolic; never throws for bad code. */
export function compileCellCircuit(
  source: string,
  language: CellLanguage,
  limits: Partial<Limits> | undefined,
): CellCircuit {
  let circuitText = source;
  let offset = 0;
  try {
    if (language === "experiment") {
      const parts = splitExperiment(source);
      circuitText = parts.circuit;
      offset = parts.circuitLine - 1;
    }
    // A circuit cell's noise is ignored by its graded run (grade-exercise.ts says so); an
    // experiment cell takes noise only from its spec, so there the pragma is an error.
    const circuit = compileParametric(circuitText, { limits, ignoreNoise: language === "qasm" });
    return {
      ok: true,
      circuit,
      program: { circuit: circuit.template, shape: circuitShape(circuit.template) },
      offset,
    };
  } catch (error) {
    const located = locateCellError(error, offset);
    if (!located) throw error;
    return { ok: false, error: located };
  }
}

/**
 * A learner's mistake as a located message in the cell, or undefined for anything else (a bug
 * on our side, for the caller to rethrow). `circuitOffset`: lines above the circuit.
 */
export function locateCellError(
  error: unknown,
  circuitOffset: number,
): CompileErrorInfo | undefined {
  if (error instanceof ExperimentSpecError) {
    return { message: error.message, line: error.line, column: error.column };
  }
  if (error instanceof QuantumError) {
    return {
      message: error.message,
      ...(error.loc ? { line: error.loc.line + circuitOffset, column: error.loc.column } : {}),
    };
  }
  return undefined;
}

/** Fields missing from a spec: a check can only replace what the learner wrote. */
export function missingFields(text: string, fields: readonly string[]): string[] {
  const doc = parseDocument(splitExperiment(text).spec);
  return fields.filter((field) => !doc.has(field));
}

/**
 * The cell with each top-level spec field in `fields` replaced by the given value, written as
 * one-line YAML and padded with blank lines so that every other line keeps its number (the
 * circuit below `---` too). Fields the spec does not have are left out: see `missingFields`.
 * The spec must already parse (the caller parsed it to report the learner's own mistakes).
 */
export function fixSpecFields(text: string, fields: Readonly<Record<string, unknown>>): string {
  const { spec, circuit } = splitExperiment(text);
  const doc = parseDocument(spec, { lineCounter: new LineCounter() });
  if (!isMap(doc.contents)) return text;
  const replacements: { start: number; end: number; text: string }[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (key === undefined || !(key in fields)) continue;
    const range = (pair.value as { range?: [number, number, number] } | null)?.range;
    if (!range) continue;
    const [start, end] = range;
    const lines = spec.slice(start, end).split("\n").length - 1;
    replacements.push({ start, end, text: flowYaml(fields[key]) + "\n".repeat(lines) });
  }
  let fixed = spec;
  for (const r of replacements.sort((a, b) => b.start - a.start)) {
    fixed = fixed.slice(0, r.start) + r.text + fixed.slice(r.end);
  }
  // Exactly the learner's separator and circuit, so the circuit starts on the same line.
  return `${fixed}${text.slice(spec.length, text.length - circuit.length)}${circuit}`;
}

/** A value as one line of YAML flow style: `{ set: iris, test: 0.3 }`. */
export function flowYaml(value: unknown): string {
  return stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim();
}
