/**
 * `#pragma noise …`: a circuit names its own noise model (../noise.ts) line by line.
 *
 * Grammar (one channel per line; words are separated by spaces, a trailing `//` comment is
 * ignored; the names are the JSON model's):
 *
 *   noisePragma:   'noise' gateList? gateChannel probability
 *                | 'noise' 'readout' qubit? probability probability?
 *   gateList:      ('*' | GATE_NAME) (',' ('*' | GATE_NAME))*
 *   gateChannel:   'depolarizing' | 'amplitude_damping' | 'phase_damping'
 *   qubit:         REGISTER '[' INTEGER ']' | REGISTER | '$' INTEGER
 *   probability:   a number in [0, 1]
 *
 * Without a gate list a channel applies after every gate ("*"); a gate's own entry replaces "*"
 * for that gate, as in the JSON model. `readout p` flips a recorded 0 or 1 with probability p;
 * `readout p01 p10` gives p(0→1) and p(1→0). A qubit is an element `q[3]`, a whole register `q`
 * (each of its qubits) or a global index `$3` (the JSON model's keys). Setting the same gate and
 * channel, or the same qubit's readout, twice is an error: nothing is silently overwritten.
 *
 * Parsing is syntax only; register names are resolved once the whole program is lowered, so the
 * pragmas may stand above the declarations, as `#pragma expect` may.
 */
import { QuantumError } from "../errors";
import { GATES_BY_NAME } from "../gate-catalog";
import type { CircuitNoise, SourceLocation } from "../ir";
import type { GateNoise, NoiseModel } from "../noise";
import { didYouMean } from "./suggest";

export const GATE_CHANNELS = ["depolarizing", "amplitude_damping", "phase_damping"] as const;
export type GateChannel = (typeof GATE_CHANNELS)[number];
const CHANNEL_WORDS = [...GATE_CHANNELS, "readout"];
const CHANNEL_LIST = "depolarizing, amplitude_damping, phase_damping or readout";

interface Word {
  readonly text: string;
  readonly loc: SourceLocation;
}

export type QubitRef =
  | {
      readonly kind: "register";
      readonly name: string;
      readonly index?: number;
      loc: SourceLocation;
    }
  | { readonly kind: "global"; readonly index: number; readonly loc: SourceLocation };

export type NoisePragma =
  | {
      readonly kind: "gate";
      /** Gate names as in the IR, or "*" for every gate. */
      readonly gates: readonly Word[];
      readonly channel: Word & { readonly text: GateChannel };
      readonly probability: number;
    }
  | {
      readonly kind: "readout";
      readonly qubit?: QubitRef;
      readonly p01: number;
      readonly p10: number;
      readonly loc: SourceLocation;
    };

/** Splits the text after `noise` into words and commas, with their locations. */
function words(text: string, at: SourceLocation): Word[] {
  const comment = text.indexOf("//");
  const body = comment >= 0 ? text.slice(0, comment) : text;
  const out: Word[] = [];
  for (const match of body.matchAll(/,|[^\s,]+/g)) {
    out.push({ text: match[0], loc: { line: at.line, column: at.column + match.index } });
  }
  return out;
}

const fail = (
  message: string,
  loc: SourceLocation,
  code: "semantic" | "noise-model" = "semantic",
) => new QuantumError(code, message, loc);

function probabilityOf(word: Word | undefined, what: string, after: Word): number {
  if (word === undefined) {
    throw fail(
      `\`${what}\` needs a probability between 0 and 1, like \`${what} 0.01\``,
      after.loc,
      "noise-model",
    );
  }
  const number = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(word.text);
  const value = number ? Number(word.text) : NaN;
  if (Number.isNaN(value)) {
    throw fail(
      `\`${word.text}\` is not a probability: write a number between 0 and 1, like 0.01`,
      word.loc,
      "noise-model",
    );
  }
  if (value < 0 || value > 1) {
    throw fail(
      `the probability ${word.text} is outside [0, 1] (1 % is written 0.01)`,
      word.loc,
      "noise-model",
    );
  }
  return value;
}

function qubitOf(word: Word): QubitRef | undefined {
  const global = /^\$(\d+)$/.exec(word.text);
  if (global) return { kind: "global", index: Number(global[1]), loc: word.loc };
  const element = /^([\p{L}_][\p{L}\p{N}_]*)(?:\[(\d+)\])?$/u.exec(word.text);
  if (!element) return undefined;
  const index = element[2] === undefined ? undefined : Number(element[2]);
  return { kind: "register", name: element[1], index, loc: word.loc };
}

function noExtra(word: Word | undefined, after: string): void {
  if (word !== undefined) {
    throw fail(
      `unexpected \`${word.text}\` after ${after}; \`#pragma noise\` takes one channel per line`,
      word.loc,
    );
  }
}

function checkGate(word: Word): void {
  if (word.text === "*" || word.text === "unitary" || GATES_BY_NAME.has(word.text)) return;
  if (word.text === "gphase") {
    throw fail("a global phase is never noisy: `gphase` takes no noise", word.loc);
  }
  if (word.text === "measure" || word.text === "reset" || word.text === "barrier") {
    throw fail(
      `\`${word.text}\` is not a gate: only gates are noisy (use \`readout\` for measurement errors)`,
      word.loc,
    );
  }
  throw fail(
    `unknown gate or noise channel \`${word.text}\` (write a channel: ${CHANNEL_LIST}, ` +
      `optionally after standard gate names such as \`cx\` or \`*\`)` +
      didYouMean(word.text, [...CHANNEL_WORDS, ...GATES_BY_NAME.keys()]),
    word.loc,
  );
}

/** Parses the text after `#pragma ` that starts with `noise`. */
export function parseNoisePragma(text: string, textLoc: SourceLocation): NoisePragma {
  const all = words(text, textLoc);
  const head = all[0];
  const rest = all.slice(1);
  if (rest.length === 0) {
    throw fail(
      `\`#pragma noise\` needs a channel and a probability, like \`#pragma noise depolarizing 0.01\`; channels: ${CHANNEL_LIST}`,
      head.loc,
      "noise-model",
    );
  }
  if (rest[0].text === "readout") return parseReadout(rest[0], rest.slice(1));

  const gates: Word[] = [];
  let i = 0;
  if (!CHANNEL_WORDS.includes(rest[0].text)) {
    for (;;) {
      const gate = rest[i];
      if (gate === undefined || gate.text === ",") {
        throw fail("expected a gate name or `*` here", (gate ?? rest[i - 1]).loc);
      }
      checkGate(gate);
      gates.push(gate);
      i++;
      if (rest[i]?.text !== ",") break;
      i++;
    }
  }
  const channel = rest[i];
  if (channel === undefined) {
    const last = gates[gates.length - 1];
    throw fail(
      `expected a noise channel after \`${last.text}\`: depolarizing, amplitude_damping or phase_damping`,
      last.loc,
      "noise-model",
    );
  }
  if (channel.text === "readout") {
    throw fail(
      "readout errors belong to measurements, not gates: write `#pragma noise readout …` without gate names",
      channel.loc,
      "noise-model",
    );
  }
  if (!(GATE_CHANNELS as readonly string[]).includes(channel.text)) {
    throw fail(
      `unknown noise channel \`${channel.text}\`${didYouMean(channel.text, CHANNEL_WORDS)}; channels: ${CHANNEL_LIST}`,
      channel.loc,
      "noise-model",
    );
  }
  const probability = probabilityOf(rest[i + 1], channel.text, channel);
  noExtra(rest[i + 2], "the probability");
  return {
    kind: "gate",
    gates: gates.length > 0 ? gates : [{ text: "*", loc: channel.loc }],
    channel: channel as Word & { text: GateChannel },
    probability,
  };
}

function parseReadout(readout: Word, rest: readonly Word[]): NoisePragma {
  let qubit: QubitRef | undefined;
  let i = 0;
  if (rest[0] !== undefined && !/^[\d.]/.test(rest[0].text)) {
    qubit = qubitOf(rest[0]);
    if (qubit === undefined) {
      throw fail(
        `\`${rest[0].text}\` is neither a qubit nor a probability; write \`q[3]\`, a register name or \`$3\` (a qubit's global index)`,
        rest[0].loc,
      );
    }
    i = 1;
  }
  const p01 = probabilityOf(rest[i], "readout", rest[i - 1] ?? readout);
  const p10 = rest[i + 1] === undefined ? p01 : probabilityOf(rest[i + 1], "readout", rest[i]);
  noExtra(rest[i + 2], "p(0→1) and p(1→0)");
  return { kind: "readout", qubit, p01, p10, loc: readout.loc };
}

/**
 * Collects the pragmas of one program into one model, refusing a gate/channel or a readout
 * set twice. `resolveQubits` (given by lowering, after every declaration) turns a qubit
 * reference into global indices or throws a located error.
 */
export class NoiseCollector {
  private readonly gates = new Map<
    string,
    { noise: Record<string, number>; set: Map<string, SourceLocation> }
  >();
  private readonly readouts: { pragma: Extract<NoisePragma, { kind: "readout" }> }[] = [];
  private first: SourceLocation | undefined;

  add(pragma: NoisePragma, loc: SourceLocation): void {
    this.first ??= loc;
    if (pragma.kind === "readout") {
      this.readouts.push({ pragma });
      return;
    }
    for (const gate of pragma.gates) {
      const entry = this.gates.get(gate.text) ?? {
        noise: {} as Record<string, number>,
        set: new Map<string, SourceLocation>(),
      };
      const earlier = entry.set.get(pragma.channel.text);
      if (earlier !== undefined) {
        const target = gate.text === "*" ? "every gate" : `\`${gate.text}\``;
        throw fail(
          `${pragma.channel.text} noise on ${target} is already set on line ${earlier.line}; set each gate's channel once`,
          gate.loc,
        );
      }
      entry.noise[pragma.channel.text] = pragma.probability;
      entry.set.set(pragma.channel.text, gate.loc);
      this.gates.set(gate.text, entry);
    }
  }

  build(resolveQubits: (ref: QubitRef) => readonly number[]): CircuitNoise | undefined {
    if (this.first === undefined) return undefined;
    const model: { gates?: Record<string, GateNoise>; readout?: Record<string, [number, number]> } =
      {};
    if (this.gates.size > 0) {
      model.gates = Object.fromEntries(
        [...this.gates].map(([name, entry]) => [name, entry.noise as GateNoise]),
      );
    }
    const setAt = new Map<string, SourceLocation>();
    for (const { pragma } of this.readouts) {
      const keys = pragma.qubit ? resolveQubits(pragma.qubit).map(String) : ["*"];
      for (const key of keys) {
        const earlier = setAt.get(key);
        if (earlier !== undefined) {
          const what = key === "*" ? "every qubit" : `qubit ${key}`;
          throw fail(
            `readout error of ${what} is already set on line ${earlier.line}; set each qubit's readout once`,
            pragma.qubit?.loc ?? pragma.loc,
          );
        }
        setAt.set(key, pragma.loc);
        model.readout = { ...model.readout, [key]: [pragma.p01, pragma.p10] };
      }
    }
    return { model: model as NoiseModel, loc: this.first };
  }
}
