/**
 * `#pragma` lines. Ketbook understands one: `#pragma expect <pauli sum>` asks for the expectation
 * value of an observable after the circuit runs. The Pauli sum is kept as raw text; the simulator
 * parses it (and reports its errors) because only it knows the qubit count to check against.
 */
import { QuantumError } from "../errors";
import type { ExpectationRequest } from "../ir";
import type { PragmaStatement } from "./ast";

export function lowerPragma(s: PragmaStatement, topLevel: boolean): ExpectationRequest | undefined {
  const match = /^expect(?:\s+([\s\S]*))?$/.exec(s.text);
  if (match === null) {
    const word = s.text.split(/\s+/)[0] || "";
    throw new QuantumError(
      "unsupported",
      `unknown pragma \`${word}\`; Ketbook understands \`#pragma expect <pauli sum>\``,
      s.loc,
    );
  }
  if (!topLevel) {
    throw new QuantumError("semantic", "`#pragma expect` is only allowed at the top level", s.loc);
  }
  const observable = (match[1] ?? "").trim();
  if (observable === "") {
    throw new QuantumError(
      "observable",
      "`#pragma expect` needs a Pauli sum, like `#pragma expect Z0` or `#pragma expect 0.5*Z0*Z1`",
      s.loc,
    );
  }
  return { observable, loc: s.loc };
}
