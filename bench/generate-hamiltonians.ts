/**
 * Writes lib/qml/data/chemistry/table.json: the H₂ and HeH⁺ STO-3G qubit Hamiltonians at fixed
 * bond lengths, with their Hartree–Fock and full-CI energies, computed by lib/qml/data/chemistry.
 * Run with `npx tsx bench/generate-hamiltonians.ts`; the unit tests check the table against the
 * code, so rerun it whenever the chemistry changes.
 */
import { writeFileSync } from "node:fs";
import {
  ANGSTROM_PER_BOHR,
  moleculeHamiltonian,
  type MoleculeId,
} from "../lib/qml/data/chemistry/molecules";

const BOND_LENGTHS: Record<MoleculeId, number[]> = {
  h2: [0.3, 0.4, 0.5, 0.6, 0.7, 0.735, 0.8, 0.9, 1.0, 1.2, 1.5, 2.0, 2.5],
  // Szabo & Ostlund's R = 1.4632 bohr among them.
  "heh+": [0.5, 0.6, 0.7, Number((1.4632 * ANGSTROM_PER_BOHR).toFixed(6)), 0.9, 1.0, 1.5, 2.0, 3.0],
};

const round = (x: number) => Number(x.toPrecision(15));

const table = {
  units: "bond length in Å, energies and coefficients in hartree (nuclear repulsion included)",
  qubitOrder: "Qiskit: the rightmost character of a label is qubit 0",
  terms: "[label, coefficient]",
  molecules: Object.entries(BOND_LENGTHS).map(([molecule, lengths]) => ({
    molecule,
    points: lengths.map((bondLength) => {
      const jw = moleculeHamiltonian(molecule as MoleculeId, bondLength, "jordan-wigner");
      const parity = moleculeHamiltonian(molecule as MoleculeId, bondLength, "parity");
      return {
        bondLength,
        nuclearRepulsion: round(jw.nuclearRepulsion),
        hartreeFock: round(jw.hartreeFockEnergy),
        fci: round(jw.fciEnergy),
        parity: parity.terms.map((t) => [t.pauli, round(t.coefficient)]),
        jordanWigner: jw.terms.map((t) => [t.pauli, round(t.coefficient)]),
      };
    }),
  })),
};

const path = new URL("../lib/qml/data/chemistry/table.json", import.meta.url);
writeFileSync(path, JSON.stringify(table, null, 2) + "\n");
console.log(`wrote ${path.pathname}`);
