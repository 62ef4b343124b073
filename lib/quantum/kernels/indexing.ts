/**
 * Index arithmetic shared by the kernels. A kernel touches only the basis states whose "fixed"
 * bits (controls and targets) take given values; all other bits are free. Iterating the free
 * bits and inserting zeros at the fixed positions enumerates exactly those states, so a gate
 * with c controls costs 2^-c of a full pass instead of testing every index.
 *
 * Indices are amplitude numbers (not Float64Array offsets) and stay below 2^30, so 32-bit
 * integer bit operations are exact.
 */

/** Inserts a 0 bit at each of `pos[0] < pos[1] < …` (ascending) into the free index `x`. */
export function spread(x: number, pos: Int32Array): number {
  for (let j = 0; j < pos.length; j++) {
    const low = x & ((1 << pos[j]) - 1);
    x = ((x - low) << 1) | low;
  }
  return x;
}

/** Ascending, de-duplicated positions of `qubits` as an Int32Array. */
export function sortedPositions(qubits: readonly number[]): Int32Array {
  // Insertion sort into a typed array: operand lists are short, and this runs once per gate.
  const out = new Int32Array(qubits.length);
  let size = 0;
  for (let i = 0; i < qubits.length; i++) {
    const q = qubits[i];
    let j = size;
    while (j > 0 && out[j - 1] > q) j--;
    if (j > 0 && out[j - 1] === q) continue;
    out.copyWithin(j + 1, j, size);
    out[j] = q;
    size++;
  }
  return size === out.length ? out : out.slice(0, size);
}

/**
 * Offsets of the 2^k basis states of `targets` relative to a base index: entry j has bit l of
 * j placed at qubit targets[l], matching the gate-matrix convention (operand 0 = low bit).
 */
export function targetOffsets(targets: readonly number[]): Int32Array {
  const k = targets.length;
  const out = new Int32Array(1 << k);
  for (let j = 0; j < out.length; j++) {
    let off = 0;
    for (let l = 0; l < k; l++) if ((j >> l) & 1) off |= 1 << targets[l];
    out[j] = off;
  }
  return out;
}
