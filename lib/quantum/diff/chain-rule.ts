/**
 * From derivatives by each gate angle to derivatives by each input:
 * d⟨H⟩/dθ_j = Σ over angles α using θ_j of (∂⟨H⟩/∂α)·(∂α/∂θ_j), with ∂α/∂θ_j the compiled
 * symbolic derivative of the angle's expression evaluated at the inputs.
 */
import type { Tape } from "./tape";

/**
 * `byAngle[m·S + s]` is ∂⟨H_m⟩/∂(angle of slot s) (S slots); writes ∂⟨H_m⟩/∂θ_j into
 * `out[m][j]`.
 */
export function chainRule(
  tape: Tape,
  inputs: Float64Array,
  byAngle: Float64Array,
  out: readonly Float64Array[],
): void {
  const count = tape.slots.length;
  for (let m = 0; m < out.length; m++) {
    const row = out[m];
    row.fill(0);
    for (let s = 0; s < count; s++) {
      const g = byAngle[m * count + s];
      if (g === 0) continue;
      for (const { input, d } of tape.slots[s].partials) row[input] += g * d(inputs);
    }
  }
}
