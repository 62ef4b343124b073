import "./outputs.css";

import type { ExpectationValue } from "@/lib/quantum/result";

import { fixed } from "./format-model";

export interface ExpectationListProps {
  expectations: readonly ExpectationValue[];
  /** Says how the values were obtained when they are not exact (noisy runs). */
  caption?: string;
}

/** ⟨O⟩ for each requested Pauli sum (`#pragma expect ...`), to 5 decimals. */
export function ExpectationList({
  expectations,
  caption = "Expectation values",
}: ExpectationListProps) {
  if (expectations.length === 0) return null;
  return (
    <table className="out-table out-expect">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Observable</th>
          <th scope="col">⟨O⟩</th>
        </tr>
      </thead>
      <tbody>
        {expectations.map((e, i) => (
          <tr key={`${i}:${e.observable}`}>
            <th scope="row">
              <code className="out-mono">{e.observable}</code>
            </th>
            <td className="out-mono out-num">{fixed(e.value, 5)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
