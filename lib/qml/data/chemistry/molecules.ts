/**
 * Qubit Hamiltonians of H₂ and HeH⁺ in STO-3G at any bond length, computed from first principles
 * (integrals.ts → scf.ts → qubit.ts): the published procedure of Szabo & Ostlund ch. 3, then
 * second quantisation and a fermion-to-qubit mapping. It takes well under a millisecond, so a
 * dissociation curve is computed on demand; table.json records the values at fixed bond lengths
 * (written by bench/generate-hamiltonians.ts, checked against this code by the tests).
 */
import { fromLabels, type LabelledTerm } from "../pauli";
import type { PauliSum } from "@/lib/quantum/observables";
import { atomicIntegrals, sto3g } from "./integrals";
import {
  fermionMatrix,
  parityReduced,
  pauliDecompose,
  sectorGroundEnergy,
  type OrbitalIntegrals,
} from "./qubit";
import { restrictedHartreeFock, type ScfResult } from "./scf";

/** Å per bohr (CODATA 2018). */
export const ANGSTROM_PER_BOHR = 0.529177210903;

export type MoleculeId = "h2" | "heh+";
export type Mapping = "jordan-wigner" | "parity";

interface MoleculeSpec {
  readonly title: string;
  /** Slater exponents and nuclear charges of atoms A (at 0) and B (at R). */
  readonly zeta: [number, number];
  readonly charge: [number, number];
  readonly electrons: number;
}

export const MOLECULES: Record<MoleculeId, MoleculeSpec> = {
  // ζ_H = 1.24: the standard molecular exponent for hydrogen (Szabo & Ostlund §3.5.2).
  h2: { title: "H₂", zeta: [1.24, 1.24], charge: [1, 1], electrons: 2 },
  // Szabo & Ostlund's worked example (§3.5.3): ζ_He = 2.0925, ζ_H = 1.24.
  "heh+": { title: "HeH⁺", zeta: [2.0925, 1.24], charge: [2, 1], electrons: 2 },
};

export const MOLECULE_PROVENANCE =
  "Computed here from first principles: STO-3G (Hehre, Stewart & Pople, J. Chem. Phys. 51, " +
  "2657 (1969)) integrals, restricted Hartree–Fock and molecular-orbital transformation as in " +
  "A. Szabo & N. S. Ostlund, “Modern Quantum Chemistry” (Dover 1996), ch. 3; second " +
  "quantisation in Qiskit Nature's block spin order; Jordan–Wigner mapping, or parity mapping " +
  "with the two-qubit reduction (Bravyi et al., arXiv:1701.08213), the 2-qubit form of " +
  "O'Malley et al., Phys. Rev. X 6, 031007 (2016). Energies in hartree, nuclear repulsion " +
  "included in the identity term.";

export interface ElectronicStructure {
  readonly molecule: MoleculeId;
  /** Bond length in Å. */
  readonly bondLength: number;
  readonly scf: ScfResult;
  /** MO integrals with the nuclear repulsion as the constant. */
  readonly integrals: OrbitalIntegrals;
}

export function electronicStructure(molecule: MoleculeId, bondLength: number): ElectronicStructure {
  const spec = MOLECULES[molecule];
  if (!spec) throw new RangeError(`no molecule "${molecule}" (h2, heh+)`);
  if (!(bondLength >= 0.1 && bondLength <= 10)) {
    throw new RangeError(`bond length must be between 0.1 and 10 Å, got ${bondLength}`);
  }
  const R = bondLength / ANGSTROM_PER_BOHR;
  const ints = atomicIntegrals(
    [sto3g(spec.zeta[0], 0), sto3g(spec.zeta[1], R)],
    [
      { position: 0, charge: spec.charge[0] },
      { position: R, charge: spec.charge[1] },
    ],
  );
  const scf = restrictedHartreeFock(ints, spec.electrons);
  const C = scf.coefficients;
  const n = C.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const oneBody = idx.map((p) =>
    idx.map((q) => {
      let v = 0;
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) v += C[a][p] * C[b][q] * ints.core[a][b];
      return v;
    }),
  );
  const twoBody = idx.map((p) =>
    idx.map((q) =>
      idx.map((r) =>
        idx.map((s) => {
          let v = 0;
          for (let a = 0; a < n; a++)
            for (let b = 0; b < n; b++)
              for (let c = 0; c < n; c++)
                for (let d = 0; d < n; d++)
                  v += C[a][p] * C[b][q] * C[c][r] * C[d][s] * ints.eri[a][b][c][d];
          return v;
        }),
      ),
    ),
  );
  return {
    molecule,
    bondLength,
    scf,
    integrals: { oneBody, twoBody, constant: ints.nuclearRepulsion },
  };
}

export interface MolecularHamiltonian {
  readonly molecule: MoleculeId;
  readonly title: string;
  readonly bondLength: number;
  readonly mapping: Mapping;
  readonly numQubits: number;
  readonly hamiltonian: PauliSum;
  /** The same terms as labels in Qiskit's order (rightmost character = qubit 0). */
  readonly terms: LabelledTerm[];
  readonly nuclearRepulsion: number;
  /** Restricted Hartree–Fock total energy (the SCF energy). */
  readonly hartreeFockEnergy: number;
  /**
   * Full-CI energy with the molecule's own electron count (N_α = N_β = 1): the exact answer VQE
   * should reach. Not always the lowest eigenvalue of the 4-qubit form (see sectorGroundEnergy).
   */
  readonly fciEnergy: number;
  /** The Hartree–Fock state as a basis-state index (engine qubit order). */
  readonly hartreeFockState: number;
  readonly provenance: string;
}

/** Jordan–Wigner (4 qubits) or parity with two-qubit reduction (2 qubits). */
export function moleculeHamiltonian(
  molecule: MoleculeId,
  bondLength: number,
  mapping: Mapping = "jordan-wigner",
): MolecularHamiltonian {
  const es = electronicStructure(molecule, bondLength);
  const m = es.integrals.oneBody.length;
  const electrons = MOLECULES[molecule].electrons;
  const H = fermionMatrix(es.integrals);
  const terms =
    mapping === "jordan-wigner"
      ? pauliDecompose(H, 2 * m)
      : parityReduced(H, m, electrons / 2, electrons / 2);
  // Hartree–Fock: the lowest orbital occupied for each spin (spin orbitals 0 and m).
  const occupation = (1 << 0) | (1 << m);
  // Parity-reduced: qubit 0 = p₀ = n₀ = 1 and qubit 1 = p₂ = n₀ ⊕ n₁ ⊕ n₂ = 0.
  const hartreeFockState = mapping === "jordan-wigner" ? occupation : 0b01;
  return {
    molecule,
    title: MOLECULES[molecule].title,
    bondLength,
    mapping,
    numQubits: mapping === "jordan-wigner" ? 2 * m : 2 * m - 2,
    hamiltonian: fromLabels(terms),
    terms,
    nuclearRepulsion: es.integrals.constant,
    hartreeFockEnergy: es.scf.totalEnergy,
    fciEnergy: sectorGroundEnergy(H, m, electrons / 2, electrons / 2),
    hartreeFockState,
    provenance: MOLECULE_PROVENANCE,
  };
}
