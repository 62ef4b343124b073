/**
 * MaxCut instances for QAOA: fixed graphs with listed edges, the cost Hamiltonian, the exact
 * optimum by brute force, and the approximation ratio.
 *
 * Sign convention: qubit i measured 0 puts node i on one side, 1 on the other; Z_i = ±1 for bit
 * 0/1. The cut value is C(z) = Σ_{(i,j)} w_ij (1 − Z_i Z_j)/2, and the Hamiltonian we MINIMISE is
 * H = −C = Σ w_ij (Z_i Z_j − 1)/2, so ⟨H⟩ = −(expected cut) and the ground energy is −maxcut.
 */
import type { PauliSum, PauliTerm } from "@/lib/quantum/observables";
import { pauliSumText } from "./pauli";

export interface Graph {
  readonly id: string;
  readonly title: string;
  readonly nodes: number;
  /** [i, j, weight] with i < j. */
  readonly edges: readonly (readonly [number, number, number])[];
  readonly provenance: string;
}

const ring = (n: number): Graph => ({
  id: `ring-${n}`,
  title: `Ring of ${n} nodes`,
  nodes: n,
  edges: Array.from({ length: n }, (_, i) => {
    const j = (i + 1) % n;
    return [Math.min(i, j), Math.max(i, j), 1] as const;
  }),
  provenance: "The cycle graph C_n (unit weights); max cut n for even n, n − 1 for odd n.",
});

export const GRAPHS: readonly Graph[] = [
  ...[4, 5, 6, 7, 8].map(ring),
  {
    id: "3-regular-6",
    title: "Triangular prism (3-regular, 6 nodes)",
    nodes: 6,
    edges: [
      [0, 1, 1],
      [1, 2, 1],
      [0, 2, 1],
      [3, 4, 1],
      [4, 5, 1],
      [3, 5, 1],
      [0, 3, 1],
      [1, 4, 1],
      [2, 5, 1],
    ],
    provenance: "The prism graph K₃ × K₂ (unit weights); each triangle keeps one edge uncut.",
  },
  {
    id: "3-regular-8",
    title: "Wagner graph (3-regular, 8 nodes)",
    nodes: 8,
    edges: [
      ...Array.from({ length: 8 }, (_, i) => {
        const j = (i + 1) % 8;
        return [Math.min(i, j), Math.max(i, j), 1] as const;
      }),
      [0, 4, 1],
      [1, 5, 1],
      [2, 6, 1],
      [3, 7, 1],
    ],
    provenance: "The Wagner graph (Möbius ladder M₈): an 8-cycle plus its four long diagonals.",
  },
  {
    id: "weighted-5",
    title: "Weighted graph (5 nodes)",
    nodes: 5,
    edges: [
      [0, 1, 2],
      [0, 2, 1],
      [1, 2, 3],
      [1, 3, 1.5],
      [2, 4, 2.5],
      [3, 4, 1],
      [0, 4, 0.5],
    ],
    provenance: "Made up for Ketbook (CC0): mixed weights so the optimum is not a count of edges.",
  },
];

export function getGraph(id: string): Graph {
  const g = GRAPHS.find((x) => x.id === id);
  if (!g)
    throw new RangeError(`no graph "${id}" (available: ${GRAPHS.map((x) => x.id).join(", ")})`);
  return g;
}

/** H = Σ w_ij/2 Z_i Z_j − Σ w_ij/2 (minimise; ground energy = −maxcut). */
export function maxcutHamiltonian(graph: Graph): PauliSum {
  const total = graph.edges.reduce((a, [, , w]) => a + w, 0);
  const terms: PauliTerm[] = [
    { coeff: -total / 2, factors: [] },
    ...graph.edges.map(([i, j, w]) => ({
      coeff: w / 2,
      factors: [
        { pauli: "Z" as const, qubit: i },
        { pauli: "Z" as const, qubit: j },
      ],
    })),
  ];
  return { text: pauliSumText(terms), terms };
}

/** The cut of a bit string (bit i = side of node i; engine order, node 0 = least significant). */
export function cutValue(graph: Graph, bits: number): number {
  let cut = 0;
  for (const [i, j, w] of graph.edges) if (((bits >> i) ^ (bits >> j)) & 1) cut += w;
  return cut;
}

/** The maximum cut and every bit string that reaches it, by trying all 2^n partitions. */
export function maxCut(graph: Graph): { value: number; cuts: number[] } {
  if (graph.nodes > 20) throw new RangeError("brute force stops at 20 nodes");
  let value = -Infinity;
  let cuts: number[] = [];
  for (let bits = 0; bits < 1 << graph.nodes; bits++) {
    const c = cutValue(graph, bits);
    if (c > value + 1e-12) {
      value = c;
      cuts = [bits];
    } else if (Math.abs(c - value) <= 1e-12) cuts.push(bits);
  }
  return { value, cuts };
}

/** expected cut / maximum cut (1 = optimal). Pass −⟨H⟩ as the expected cut. */
export function approximationRatio(graph: Graph, expectedCut: number): number {
  return expectedCut / maxCut(graph).value;
}
