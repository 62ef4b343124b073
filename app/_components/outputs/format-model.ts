/**
 * Number formatting shared by the output views. Pure functions, no DOM, so the exact strings a
 * learner sees are unit-tested.
 */

/** Fixed decimals without the "-0.0000" that `toFixed` prints for tiny negative values. */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

/** A complex amplitude as `a + bi` / `a - bi`, both parts with `digits` decimals. */
export function formatComplex(re: number, im: number, digits = 4): string {
  const imText = fixed(im, digits);
  const negative = imText.startsWith("-");
  return `${fixed(re, digits)} ${negative ? "-" : "+"} ${negative ? imText.slice(1) : imText}i`;
}

/** A fraction in [0, 1] as a percentage with one decimal; tiny nonzero values say "<0.1%". */
export function formatPercent(fraction: number): string {
  if (fraction > 0 && fraction < 0.0005) return "<0.1%";
  return `${fixed(fraction * 100, 1)}%`;
}

/** Angle in (-π, π] of a complex number; 0 for zero (which has no phase to show). */
export function phaseOf(re: number, im: number): number {
  if (re === 0 && im === 0) return 0;
  const angle = Math.atan2(im, re);
  // atan2 returns -π for (-1, -0); fold it to +π so the range is (-π, π].
  return angle <= -Math.PI ? Math.PI : angle;
}

const PI_DENOMINATORS = [1, 2, 3, 4, 6, 8, 12] as const;

/** "π/2", "-3π/4", "0" when the angle is an exact small fraction of π, else null. */
export function piFraction(angle: number, tolerance = 1e-9): string | null {
  if (Math.abs(angle) < tolerance) return "0";
  for (const den of PI_DENOMINATORS) {
    const num = Math.round((angle / Math.PI) * den);
    if (num === 0 || Math.abs(angle - (num * Math.PI) / den) > tolerance) continue;
    const sign = num < 0 ? "-" : "";
    const abs = Math.abs(num);
    const top = abs === 1 ? "π" : `${abs}π`;
    return den === 1 ? `${sign}${top}` : `${sign}${top}/${den}`;
  }
  return null;
}

/** "90.0° (π/2)" or "37.2° (0.649 rad)": degrees for intuition, radians as OpenQASM writes. */
export function formatAngle(angle: number): string {
  const degrees = `${fixed((angle * 180) / Math.PI, 1)}°`;
  const fraction = piFraction(angle);
  return `${degrees} (${fraction ?? `${fixed(angle, 3)} rad`})`;
}

/**
 * Hue in degrees [0, 360) encoding a phase, as on a colour wheel: 0 → red, π/2 → yellow-green,
 * π → cyan, -π/2 → violet. The same phase always gets the same colour in every view.
 */
export function phaseHue(angle: number): number {
  const degrees = (angle * 180) / Math.PI;
  const hue = ((degrees % 360) + 360) % 360;
  return Number(hue.toFixed(6)) % 360;
}

/**
 * The fill colour of a phase. Fixed saturation and lightness chosen to read on both the light
 * and the dark theme background; the hue is the data, so it cannot come from a theme variable.
 */
export function phaseColor(angle: number): string {
  return `hsl(${fixed(phaseHue(angle), 1)} 70% 50%)`;
}

/** "c[2] … c[0]" style bit-order caption: highest index first, as Qiskit writes bitstrings. */
export function bitOrderLabel(prefix: "q" | "c", count: number): string {
  if (count <= 0) return "";
  if (count === 1) return `${prefix}[0]`;
  if (count === 2) return `${prefix}[1] ${prefix}[0]`;
  return `${prefix}[${count - 1}] … ${prefix}[0]`;
}

/** Milliseconds for the status line: "0.42 ms", "12.3 ms", "1.25 s". */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${fixed(ms, 2)} ms`;
  if (ms < 1000) return `${fixed(ms, 1)} ms`;
  return `${fixed(ms / 1000, 2)} s`;
}

/** Thousands separators, locale-independent so server and browser render the same text. */
export function formatInteger(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
