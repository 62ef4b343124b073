/**
 * The `#pragma` lines Ketbook understands, for completion and hover (Monaco-free, like the other
 * modules beside this one). The words are the engine's (lib/quantum/qasm/pragmas.ts and
 * noise-pragma.ts); a test checks every snippet compiles.
 */
export interface PragmaDoc {
  /** What the suggest list shows and filters on, `#` included. */
  readonly label: string;
  readonly detail: string;
  readonly documentation: string;
  /** A Monaco snippet, `#` included. */
  readonly snippet: string;
}

const NOISE_DOC = [
  "**`#pragma noise`** — the circuit's own noise, simulated by quantum trajectories (one per shot).",
  "",
  "- `#pragma noise depolarizing 0.01` — after every gate, on the qubits it touches",
  "- `#pragma noise cx depolarizing 0.02` — only after `cx` (a gate's own line replaces the every-gate ones for it)",
  "- `#pragma noise amplitude_damping 0.005`, `phase_damping 0.01` — per qubit the gate touches",
  "- `#pragma noise readout 0.02` — flips recorded bits; `readout 0.02 0.05` is p(0→1) p(1→0); `readout q[3] 0.1` or `readout $3 0.1` for one qubit",
  "",
  "Probabilities are numbers in [0, 1]. Graded checks ignore the noise.",
].join("\n");

const EXPECT_DOC =
  "**`#pragma expect <pauli sum>`** — shows ⟨O⟩ after the run, e.g. `#pragma expect 0.5*Z0*Z1 - 0.3*X0` (with noise: the average over the shots).";

export const PRAGMA_DOCS: readonly PragmaDoc[] = [
  {
    label: "#pragma noise",
    detail: "noise model line",
    documentation: NOISE_DOC,
    snippet: "#pragma noise ${1|depolarizing,amplitude_damping,phase_damping,readout|} ${2:0.01}$0",
  },
  {
    label: "#pragma expect",
    detail: "expectation value",
    documentation: EXPECT_DOC,
    snippet: "#pragma expect ${1:Z0}$0",
  },
];

const CHANNEL_DOCS: ReadonlyMap<string, string> = new Map([
  [
    "depolarizing",
    "**`depolarizing p`** — with probability p the gate's qubits are replaced by the maximally mixed state (a uniformly random Pauli string, identity included; Qiskit's `depolarizing_error(p, k)`).",
  ],
  [
    "amplitude_damping",
    "**`amplitude_damping γ`** — each qubit the gate touches decays from |1⟩ to |0⟩ with probability γ.",
  ],
  [
    "phase_damping",
    "**`phase_damping λ`** — each qubit the gate touches loses phase coherence: off-diagonal terms shrink by √(1−λ).",
  ],
  [
    "readout",
    "**`readout p` / `readout p01 p10`** — a measured bit is recorded flipped with that probability; only the counts change.",
  ],
]);

/** Markdown for the word under the cursor on a pragma line, or null. */
export function pragmaHover(line: string, word: string): string | null {
  const match = /^\s*#?pragma\s+(noise|expect)\b/.exec(line);
  if (!match) return null;
  if (word === "pragma" || word === match[1]) {
    return PRAGMA_DOCS.find((d) => d.label === `#pragma ${match[1]}`)!.documentation;
  }
  return match[1] === "noise" ? (CHANNEL_DOCS.get(word) ?? null) : null;
}
