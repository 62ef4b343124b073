/**
 * WebAssembly SIMD kernels of the state-vector engine (AssemblyScript, compiled by
 * lib/runner/build-wasm.mjs). The host (lib/quantum/kernels/wasm-backend.ts) owns the memory
 * layout: it writes op records and the state into this module's memory and calls `runOps` (one
 * sequence of ops over a whole state) or `runBlocked` (the same over cache-sized blocks).
 *
 * An amplitude is one v128 (re in lane 0, im in lane 1), 16 bytes, the same interleaved layout
 * as the TypeScript engine. Every product is written in the TS kernels' order of operations
 * (x·re ± y·im, summed left to right; no fused multiply-add), so results are bit-for-bit those
 * of the reference backend and seeded samples cannot differ.
 *
 * Fixed bits (controls and targets) are skipped with the masked increment
 * i ← ((i | mask) + 1) & ~mask, which enumerates exactly the indices whose fixed bits are 0 in
 * ascending order: no per-run `spread`, whatever the positions.
 */

/** Op kinds; the host's encoder (wasm-ops.ts) uses the same numbers. */
const PHASE = 1;
const DIAG1 = 2;
const SWAP1 = 3;
const ANTI1 = 4;
const GENERAL1 = 5;
const REAL1 = 6;
const GENERAL2 = 7;
const DIAGK = 8;
const PERMK = 9;

/**
 * Op record, RECORD bytes: i32 kind, mask (fixed bits), value (bits the controls must read),
 * count shift (number of fixed bits), stride 1 (amplitudes between the |0⟩ and |1⟩ partner of
 * the first target), stride 2 (second target), size (target states of a k-target op); from
 * byte 32 up to 32 f64 matrix numbers; from byte 288 up to 16 i32 target-state offsets, from
 * byte 352 up to 16 i32 destination offsets (permutations).
 */
const RECORD: usize = 416;
const OFFSETS_AT: usize = 288;
const DESTS_AT: usize = 352;

/** [m, m]: the factor of x in both lanes. */
function splat(m: f64): v128 {
  return f64x2.splat(m);
}

/** [-m, m]: the factor of the lane-swapped x, so that re gets -m·xi and im gets +m·xr. */
function cross(m: f64): v128 {
  return f64x2.replace_lane(f64x2.splat(m), 0, -m);
}

/** Lanes swapped: [xi, xr]. */
function swapped(x: v128): v128 {
  return f64x2.shuffle(x, x, 1, 0);
}

/** c·x for one complex factor given as (splat(cr), cross(ci)). */
function cmul(r: v128, i: v128, x: v128): v128 {
  return f64x2.add(f64x2.mul(r, x), f64x2.mul(i, swapped(x)));
}

/** acc + c·x, in the order (acc + cr·x) + ci·swap(x) that the TS kernels use. */
function cmac(acc: v128, r: v128, i: v128, x: v128): v128 {
  return f64x2.add(f64x2.add(acc, f64x2.mul(r, x)), f64x2.mul(i, swapped(x)));
}

function next(i: u32, mask: u32): u32 {
  return ((i | mask) + 1) & ~mask;
}

function phase(a: usize, count: u32, mask: u32, value: u32, cr: f64, ci: f64): void {
  const r = splat(cr);
  const im = cross(ci);
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const p = a + (((i | value) as usize) << 4);
    v128.store(p, cmul(r, im, v128.load(p)));
    i = next(i, mask);
  }
}

function diag1(a: usize, count: u32, mask: u32, value: u32, s: usize, rec: usize): void {
  const d0r = splat(load<f64>(rec, 32));
  const d0i = cross(load<f64>(rec, 40));
  const d1r = splat(load<f64>(rec, 48));
  const d1i = cross(load<f64>(rec, 56));
  const so = s << 4;
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const p = a + (((i | value) as usize) << 4);
    const q = p + so;
    v128.store(p, cmul(d0r, d0i, v128.load(p)));
    v128.store(q, cmul(d1r, d1i, v128.load(q)));
    i = next(i, mask);
  }
}

function swap1(a: usize, count: u32, mask: u32, value: u32, s: usize): void {
  const so = s << 4;
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const p = a + (((i | value) as usize) << 4);
    const q = p + so;
    const x = v128.load(p);
    v128.store(p, v128.load(q));
    v128.store(q, x);
    i = next(i, mask);
  }
}

function anti1(a: usize, count: u32, mask: u32, value: u32, s: usize, rec: usize): void {
  const m01r = splat(load<f64>(rec, 32));
  const m01i = cross(load<f64>(rec, 40));
  const m10r = splat(load<f64>(rec, 48));
  const m10i = cross(load<f64>(rec, 56));
  const so = s << 4;
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const p = a + (((i | value) as usize) << 4);
    const q = p + so;
    const x = v128.load(p);
    const y = v128.load(q);
    v128.store(p, cmul(m01r, m01i, y));
    v128.store(q, cmul(m10r, m10i, x));
    i = next(i, mask);
  }
}

function general1(a: usize, count: u32, mask: u32, value: u32, s: usize, rec: usize): void {
  const m00r = splat(load<f64>(rec, 32));
  const m00i = cross(load<f64>(rec, 40));
  const m01r = splat(load<f64>(rec, 48));
  const m01i = cross(load<f64>(rec, 56));
  const m10r = splat(load<f64>(rec, 64));
  const m10i = cross(load<f64>(rec, 72));
  const m11r = splat(load<f64>(rec, 80));
  const m11i = cross(load<f64>(rec, 88));
  const so = s << 4;
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const p = a + (((i | value) as usize) << 4);
    const q = p + so;
    const x = v128.load(p);
    const y = v128.load(q);
    v128.store(p, cmac(cmul(m00r, m00i, x), m01r, m01i, y));
    v128.store(q, cmac(cmul(m10r, m10i, x), m11r, m11i, y));
    i = next(i, mask);
  }
}

/** Real 2×2 without controls: m00·x + m01·y (no imaginary products, as real1Free). */
function real1(a: usize, count: u32, mask: u32, s: usize, rec: usize): void {
  const m00 = splat(load<f64>(rec, 32));
  const m01 = splat(load<f64>(rec, 40));
  const m10 = splat(load<f64>(rec, 48));
  const m11 = splat(load<f64>(rec, 56));
  const so = s << 4;
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const p = a + ((i as usize) << 4);
    const q = p + so;
    const x = v128.load(p);
    const y = v128.load(q);
    v128.store(p, f64x2.add(f64x2.mul(m00, x), f64x2.mul(m01, y)));
    v128.store(q, f64x2.add(f64x2.mul(m10, x), f64x2.mul(m11, y)));
    i = next(i, mask);
  }
}

/**
 * Dense 4×4 on two targets. The 32 splat/cross factors are built once into a table after the
 * record (`tab`, 512 bytes) rather than held in locals: 32 v128 values exceed the
 * 16 SIMD registers, and table loads hit L1.
 */
function general2(
  a: usize,
  count: u32,
  mask: u32,
  value: u32,
  s1: usize,
  s2: usize,
  rec: usize,
  tab: usize,
): void {
  for (let e: usize = 0; e < 16; e++) {
    v128.store(tab + e * 32, splat(load<f64>(rec + 32 + e * 16)));
    v128.store(tab + e * 32 + 16, cross(load<f64>(rec + 40 + e * 16)));
  }
  const o1 = s1 << 4;
  const o2 = s2 << 4;
  const o3 = o1 + o2;
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const p = a + (((i | value) as usize) << 4);
    const x0 = v128.load(p);
    const x1 = v128.load(p + o1);
    const x2 = v128.load(p + o2);
    const x3 = v128.load(p + o3);
    const w0 = swapped(x0);
    const w1 = swapped(x1);
    const w2 = swapped(x2);
    const w3 = swapped(x3);
    v128.store(p, row(tab, 0, x0, x1, x2, x3, w0, w1, w2, w3));
    v128.store(p + o1, row(tab, 1, x0, x1, x2, x3, w0, w1, w2, w3));
    v128.store(p + o2, row(tab, 2, x0, x1, x2, x3, w0, w1, w2, w3));
    v128.store(p + o3, row(tab, 3, x0, x1, x2, x3, w0, w1, w2, w3));
    i = next(i, mask);
  }
}

function row(
  tab: usize,
  r: usize,
  x0: v128,
  x1: v128,
  x2: v128,
  x3: v128,
  w0: v128,
  w1: v128,
  w2: v128,
  w3: v128,
): v128 {
  const t = tab + r * 128;
  let acc = f64x2.add(f64x2.mul(v128.load(t, 0), x0), f64x2.mul(v128.load(t, 16), w0));
  acc = f64x2.add(f64x2.add(acc, f64x2.mul(v128.load(t, 32), x1)), f64x2.mul(v128.load(t, 48), w1));
  acc = f64x2.add(f64x2.add(acc, f64x2.mul(v128.load(t, 64), x2)), f64x2.mul(v128.load(t, 80), w2));
  return f64x2.add(
    f64x2.add(acc, f64x2.mul(v128.load(t, 96), x3)),
    f64x2.mul(v128.load(t, 112), w3),
  );
}

/**
 * Diagonal on k targets: the amplitude of target state j (offset off[j] from the base index)
 * times d_j. Factors go to `tab` first (as general2's).
 */
function diagK(
  a: usize,
  count: u32,
  mask: u32,
  value: u32,
  size: usize,
  rec: usize,
  tab: usize,
): void {
  for (let j: usize = 0; j < size; j++) {
    v128.store(tab + j * 32, splat(load<f64>(rec + 32 + j * 16)));
    v128.store(tab + j * 32 + 16, cross(load<f64>(rec + 40 + j * 16)));
  }
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const base = a + (((i | value) as usize) << 4);
    for (let j: usize = 0; j < size; j++) {
      const p = base + ((load<u32>(rec + OFFSETS_AT + j * 4) as usize) << 4);
      v128.store(p, cmul(v128.load(tab + j * 32), v128.load(tab + j * 32 + 16), v128.load(p)));
    }
    i = next(i, mask);
  }
}

/**
 * Permutation with phases on k targets: target state j moves to dest[j] (= off[perm[j]]),
 * times ph_j. The k amplitudes are gathered into `tab` + 512 first.
 */
function permK(
  a: usize,
  count: u32,
  mask: u32,
  value: u32,
  size: usize,
  rec: usize,
  tab: usize,
): void {
  for (let j: usize = 0; j < size; j++) {
    v128.store(tab + j * 32, splat(load<f64>(rec + 32 + j * 16)));
    v128.store(tab + j * 32 + 16, cross(load<f64>(rec + 40 + j * 16)));
  }
  const gather = tab + 512;
  let i: u32 = 0;
  for (let c: u32 = 0; c < count; c++) {
    const base = a + (((i | value) as usize) << 4);
    for (let j: usize = 0; j < size; j++) {
      const p = base + ((load<u32>(rec + OFFSETS_AT + j * 4) as usize) << 4);
      v128.store(gather + j * 16, v128.load(p));
    }
    for (let j: usize = 0; j < size; j++) {
      const p = base + ((load<u32>(rec + DESTS_AT + j * 4) as usize) << 4);
      const f = tab + j * 32;
      v128.store(p, cmul(v128.load(f), v128.load(f, 16), v128.load(gather + j * 16)));
    }
    i = next(i, mask);
  }
}

/**
 * Runs `n` op records from `ops` over the 2^dimBits amplitudes at byte `a`. `tab` is 1 KiB
 * of scratch for factor tables and permK's gather.
 */
export function runOps(ops: usize, n: i32, a: usize, dimBits: i32, tab: usize): void {
  for (let k = 0; k < n; k++) {
    const rec = ops + (k as usize) * RECORD;
    const kind = load<i32>(rec, 0);
    const mask = load<u32>(rec, 4);
    const value = load<u32>(rec, 8);
    const count: u32 = (1 as u32) << ((dimBits - load<i32>(rec, 12)) as u32);
    const s1 = load<u32>(rec, 16) as usize;
    switch (kind) {
      case PHASE:
        phase(a, count, mask, value, load<f64>(rec, 32), load<f64>(rec, 40));
        break;
      case DIAG1:
        diag1(a, count, mask, value, s1, rec);
        break;
      case SWAP1:
        swap1(a, count, mask, value, s1);
        break;
      case ANTI1:
        anti1(a, count, mask, value, s1, rec);
        break;
      case GENERAL1:
        general1(a, count, mask, value, s1, rec);
        break;
      case REAL1:
        real1(a, count, mask, s1, rec);
        break;
      case GENERAL2:
        general2(a, count, mask, value, s1, load<u32>(rec, 20) as usize, rec, tab);
        break;
      case DIAGK:
        diagK(a, count, mask, value, load<u32>(rec, 24) as usize, rec, tab);
        break;
      case PERMK:
        permK(a, count, mask, value, load<u32>(rec, 24) as usize, rec, tab);
        break;
      default:
        unreachable();
    }
  }
}

/**
 * Runs the ops (written with block-local qubit numbers) block by block. The state has 2^n
 * amplitudes at `state`; the block's qubits are the set bits of `blockMask` (2^blockBits
 * amplitudes). For every assignment of the other bits, the block is `chunks` runs of
 * 2^chunkBits consecutive amplitudes (its low qubits are 0 … chunkBits-1), run j starting
 * `offsets[j]` amplitudes (i32s at `offsets`) after the assignment's base index: one run means
 * the block is contiguous and is worked on in place, otherwise it is gathered into `scratch`,
 * worked on, and scattered back.
 */
export function runBlocked(
  ops: usize,
  nOps: i32,
  state: usize,
  n: i32,
  blockMask: u32,
  blockBits: i32,
  chunkBits: i32,
  chunks: i32,
  offsets: usize,
  scratch: usize,
  tab: usize,
): void {
  const outer: u32 = (1 as u32) << ((n - blockBits) as u32);
  const chunkBytes = (16 as usize) << (chunkBits as usize);
  let o: u32 = 0;
  for (let b: u32 = 0; b < outer; b++) {
    const base = state + ((o as usize) << 4);
    if (chunks === 1) {
      runOps(ops, nOps, base, blockBits, tab);
    } else {
      for (let j = 0; j < chunks; j++) {
        const src = base + ((load<u32>(offsets + ((j as usize) << 2)) as usize) << 4);
        memory.copy(scratch + (j as usize) * chunkBytes, src, chunkBytes);
      }
      runOps(ops, nOps, scratch, blockBits, tab);
      for (let j = 0; j < chunks; j++) {
        const dst = base + ((load<u32>(offsets + ((j as usize) << 2)) as usize) << 4);
        memory.copy(dst, scratch + (j as usize) * chunkBytes, chunkBytes);
      }
    }
    o = next(o, blockMask);
  }
}
