/**
 * Resource limits. Every entry point takes a partial override; anything beyond a limit aborts
 * with a `LimitError` that names the limit and its value.
 */
export interface Limits {
  /** Qubits in one circuit: 2^24 amplitudes × 16 bytes = 256 MiB of state. */
  readonly maxQubits: number;
  /** Operations after loops are unrolled and user gates inlined. */
  readonly maxOperations: number;
  readonly maxShots: number;
  /** Wall-clock budget of one simulation, checked between operations. */
  readonly deadlineMs: number;
  /** Source text size in bytes. */
  readonly maxSourceBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxQubits: 24,
  maxOperations: 100_000,
  maxShots: 100_000,
  deadlineMs: 10_000,
  maxSourceBytes: 64 * 1024,
};

export function resolveLimits(overrides?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...overrides };
}
