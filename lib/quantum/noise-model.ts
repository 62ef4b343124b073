/**
 * The noise model's JSON shape and its validation (noise.ts says what each channel does).
 *
 * Validated by hand rather than with a schema library: the command-line simulator loads this
 * module at every start, and a schema library's own start-up cost more than the whole engine's.
 * Objects are rebuilt from own properties only, so a gate named `toString` or `__proto__` is an
 * ordinary key.
 */
import { QuantumError } from "./errors";

export interface GateNoise {
  readonly depolarizing?: number;
  readonly amplitude_damping?: number;
  readonly phase_damping?: number;
  /** Only these qubits are noisy after the gate (all of the gate's qubits when absent). */
  readonly qubits?: readonly number[];
}

export interface NoiseModel {
  readonly gates?: Readonly<Record<string, GateNoise>>;
  /** Qubit index or "*" → [p(0→1), p(1→0)]. */
  readonly readout?: Readonly<Record<string, readonly [number, number]>>;
}

const CHANNELS = ["depolarizing", "amplitude_damping", "phase_damping"] as const;
const READOUT_KEY = /^(\*|\d+)$/;

/** A problem at `path` (dotted, from the model's root). */
class Invalid extends Error {
  constructor(
    readonly path: readonly string[],
    message: string,
  ) {
    super(message);
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

function objectAt(value: unknown, path: string[]): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Invalid(path, `expected an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], path: string[]) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new Invalid(path, `unknown key "${key}"; allowed: ${allowed.join(", ")}`);
    }
  }
}

function probabilityAt(value: unknown, path: string[]): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new Invalid(path, `expected a probability between 0 and 1, got ${describe(value)}`);
  }
  return value;
}

function gateNoiseAt(value: unknown, path: string[]): GateNoise {
  const entry = objectAt(value, path);
  onlyKeys(entry, [...CHANNELS, "qubits"], path);
  const result: { -readonly [K in keyof GateNoise]: GateNoise[K] } = {};
  for (const channel of CHANNELS) {
    if (entry[channel] !== undefined) {
      result[channel] = probabilityAt(entry[channel], [...path, channel]);
    }
  }
  if (entry.qubits !== undefined) {
    const qubits = entry.qubits;
    if (!Array.isArray(qubits)) {
      throw new Invalid([...path, "qubits"], `expected an array, got ${describe(qubits)}`);
    }
    result.qubits = qubits.map((q: unknown, i) => {
      if (typeof q !== "number" || !Number.isInteger(q) || q < 0) {
        throw new Invalid(
          [...path, "qubits", String(i)],
          `expected a qubit index, got ${describe(q)}`,
        );
      }
      return q;
    });
  }
  return result;
}

function readoutAt(value: unknown, path: string[]): readonly [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new Invalid(path, `expected [p(0→1), p(1→0)], got ${describe(value)}`);
  }
  return [probabilityAt(value[0], [...path, "0"]), probabilityAt(value[1], [...path, "1"])];
}

function modelAt(json: unknown): NoiseModel {
  const root = objectAt(json, []);
  onlyKeys(root, ["gates", "readout"], []);
  const model: { -readonly [K in keyof NoiseModel]: NoiseModel[K] } = {};
  if (root.gates !== undefined) {
    const gates = objectAt(root.gates, ["gates"]);
    model.gates = Object.fromEntries(
      Object.keys(gates).map((name) => {
        if (name === "") throw new Invalid(["gates"], "a gate name cannot be empty");
        return [name, gateNoiseAt(gates[name], ["gates", name])];
      }),
    );
  }
  if (root.readout !== undefined) {
    const readout = objectAt(root.readout, ["readout"]);
    model.readout = Object.fromEntries(
      Object.keys(readout).map((key) => {
        if (!READOUT_KEY.test(key)) {
          throw new Invalid(["readout"], `readout keys are qubit indices or "*", got "${key}"`);
        }
        return [key, readoutAt(readout[key], ["readout", key])];
      }),
    );
  }
  return model;
}

/** Validates a noise model; throws QuantumError "noise-model" naming the first problem. */
export function parseNoiseModel(json: unknown): NoiseModel {
  try {
    return modelAt(json);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    const where = error.path.length > 0 ? ` at ${error.path.join(".")}` : "";
    throw new QuantumError("noise-model", `invalid noise model${where}: ${error.message}`);
  }
}
