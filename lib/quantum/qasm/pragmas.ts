/**
 * `#pragma` lines. Ketbook understands two:
 * - `#pragma expect <pauli sum>` asks for the expectation value of an observable after the
 *   circuit runs. The Pauli sum is kept as raw text; the simulator parses it (and reports its
 *   errors) because only it knows the qubit count to check against.
 * - `#pragma noise …` names part of the circuit's noise model (noise-pragma.ts).
 * Both are allowed only at the top level: they describe the whole program, not one branch.
 */
import { QuantumError } from "../errors";
import type { ExpectationRequest } from "../ir";
import type { PragmaStatement } from "./ast";
import { parseNoisePragma, type NoisePragma } from "./noise-pragma";

export type LoweredPragma =
  | { readonly kind: "expect"; readonly request: ExpectationRequest }
  | { readonly kind: "noise"; readonly pragma: NoisePragma };

export function lowerPragma(s: PragmaStatement, topLevel: boolean): LoweredPragma {
  const word = s.text.split(/\s+/)[0] || "";
  if (word !== "expect" && word !== "noise") {
    throw new QuantumError(
      "unsupported",
      `unknown pragma \`${word}\`; Ketbook understands \`#pragma expect <pauli sum>\` and \`#pragma noise …\``,
      s.loc,
    );
  }
  if (!topLevel) {
    throw new QuantumError(
      "semantic",
      `\`#pragma ${word}\` is only allowed at the top level`,
      s.loc,
    );
  }
  if (word === "noise") return { kind: "noise", pragma: parseNoisePragma(s.text, s.textLoc) };
  const observable = s.text.slice("expect".length).trim();
  if (observable === "") {
    throw new QuantumError(
      "observable",
      "`#pragma expect` needs a Pauli sum, like `#pragma expect Z0` or `#pragma expect 0.5*Z0*Z1`",
      s.loc,
    );
  }
  return { kind: "expect", request: { observable, loc: s.loc } };
}
