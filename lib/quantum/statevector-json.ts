/**
 * A state's amplitudes as the inside of a JSON array, `[re,im],[re,im],...`, in chunks, so a
 * caller can write a state of any size without building one string of it (2^28 amplitudes
 * print as several GB). Numbers are written exactly as JSON.stringify writes them.
 */
import type { StateVector } from "./statevector";

/** Amplitudes per chunk: about 100 KB of text, few enough writes to be cheap. */
const AMPLITUDES_PER_CHUNK = 2048;

function jsonNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : "null";
}

export function* statevectorJsonChunks(
  state: StateVector,
  amplitudesPerChunk = AMPLITUDES_PER_CHUNK,
): Generator<string> {
  const amps = state.amps;
  for (let start = 0; start < state.dim; start += amplitudesPerChunk) {
    const end = Math.min(state.dim, start + amplitudesPerChunk);
    const parts: string[] = [];
    for (let k = start; k < end; k++) {
      parts.push(`[${jsonNumber(amps[2 * k])},${jsonNumber(amps[2 * k + 1])}]`);
    }
    yield `${start === 0 ? "" : ","}${parts.join(",")}`;
  }
}
