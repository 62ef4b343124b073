/**
 * A noise model in words, for the line a noisy run's output starts with:
 * "depolarizing 1 % and amplitude damping 0.5 % after every gate; after cx instead: depolarizing
 * 2 %; readout 2 %". Pure and free of the simulator (type imports only), so client components
 * can use it. Zero probabilities are left out: they change nothing.
 */
import type { GateNoise, NoiseModel } from "./noise";

/** 0.01 → "1 %", 0.005 → "0.5 %", 0.000125 → "0.0125 %". */
export function formatProbability(p: number): string {
  return `${Number((p * 100).toPrecision(3))} %`;
}

const CHANNEL_WORDS: readonly [keyof GateNoise, string][] = [
  ["depolarizing", "depolarizing"],
  ["amplitude_damping", "amplitude damping"],
  ["phase_damping", "phase damping"],
];

function channels(noise: GateNoise): string {
  const parts = CHANNEL_WORDS.flatMap(([key, word]) => {
    const p = noise[key];
    return typeof p === "number" && p > 0 ? [`${word} ${formatProbability(p)}`] : [];
  });
  const on = noise.qubits ? ` on qubits ${noise.qubits.join(", ")}` : "";
  if (parts.length === 0) return `no noise${on}`;
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `${list}${on}`;
}

function readout([p01, p10]: readonly [number, number]): string {
  return p01 === p10
    ? formatProbability(p01)
    : `${formatProbability(p01)} (0→1), ${formatProbability(p10)} (1→0)`;
}

/** The model in one line; "no noise" when every probability is zero. */
export function describeNoise(model: NoiseModel): string {
  const parts: string[] = [];
  const gates = model.gates ?? {};
  const every = gates["*"];
  if (every) parts.push(`${channels(every)} after every gate`);
  for (const [name, noise] of Object.entries(gates)) {
    if (name === "*") continue;
    parts.push(`${every ? `after ${name} instead` : `after ${name}`}: ${channels(noise)}`);
  }
  const errors = model.readout ?? {};
  if (errors["*"]) parts.push(`readout ${readout(errors["*"])}`);
  for (const [qubit, error] of Object.entries(errors)) {
    if (qubit !== "*") parts.push(`readout of qubit ${qubit}: ${readout(error)}`);
  }
  return parts.length > 0 ? parts.join("; ") : "no noise";
}
