/**
 * A circuit's noise (`#pragma noise`, Circuit.noise) in exported code:
 * - `noisePragmaLines`: the pragma lines that give back the same model (OpenQASM 3 writes them
 *   as they are; OpenQASM 2 has no pragmas, so it writes them as comments);
 * - `noiseNotExported`: the comment for formats that do not reproduce noise, so a script never
 *   looks like the noisy run it is not.
 * The Qiskit exporter builds a qiskit_aer noise model from the same data (qiskit-noise.ts).
 */
import { QuantumError } from "../errors";
import type { Circuit } from "../ir";
import { GATE_CHANNELS } from "../qasm/noise-pragma";
import { describeNoise } from "../noise-summary";
import { formatNumber, qubitName } from "./format";

/** `#pragma noise …` lines equal to the circuit's model; none for a noiseless circuit. */
export function noisePragmaLines(circuit: Circuit): string[] {
  const model = circuit.noise?.model;
  if (!model) return [];
  const lines: string[] = [];
  for (const [gate, noise] of starFirst(model.gates)) {
    if (noise.qubits) {
      // The pragma grammar has no per-qubit gate noise; only a caller's JSON model has it, and
      // such a model never reaches Circuit.noise. Refuse rather than write a different model.
      throw new QuantumError(
        "unsupported",
        `gate noise restricted to qubits (on \`${gate}\`) has no \`#pragma noise\` form`,
      );
    }
    const target = gate === "*" ? "" : `${gate} `;
    for (const channel of GATE_CHANNELS) {
      const p = noise[channel];
      if (p !== undefined) lines.push(`#pragma noise ${target}${channel} ${formatNumber(p)}`);
    }
  }
  for (const [key, [p01, p10]] of starFirst(model.readout)) {
    const qubit = key === "*" ? "" : `${qubitName(circuit, Number(key))} `;
    const ps = p01 === p10 ? formatNumber(p01) : `${formatNumber(p01)} ${formatNumber(p10)}`;
    lines.push(`#pragma noise readout ${qubit}${ps}`);
  }
  return lines;
}

/**
 * Entries with "*" first, then in the object's order (JavaScript lists integer-like keys such as
 * readout qubit "3" before all others, so "*" would otherwise follow them).
 */
export function starFirst<T>(record: Readonly<Record<string, T>> | undefined): [string, T][] {
  const entries = Object.entries(record ?? {});
  return [...entries.filter(([k]) => k === "*"), ...entries.filter(([k]) => k !== "*")];
}

/** Comment lines (`comment` is the format's marker) saying the noise was left out; or none. */
export function noiseNotExported(circuit: Circuit, format: string, comment = "#"): string[] {
  const model = circuit.noise?.model;
  if (!model) return [];
  return [
    `${comment} Noise is not exported to ${format}: this script simulates the ideal circuit.`,
    `${comment} The circuit's #pragma noise: ${describeNoise(model)}.`,
  ];
}
