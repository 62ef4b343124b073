/**
 * Orthographic projection of the Bloch sphere, computed without a DOM.
 *
 * The camera looks at the origin from azimuth ALPHA (measured from +x toward +y) and elevation
 * EPSILON, the usual textbook view: z up, y to the right, x coming out of the page down-left.
 * Screen coordinates here are mathematical (y up); the component flips y for SVG.
 */
import type { BlochVector } from "@/lib/quantum/result";

import { fixed } from "./format-model";

const ALPHA = (20 * Math.PI) / 180;
const EPSILON = (15 * Math.PI) / 180;

/** Vectors shorter than this (1 - tolerance) are called mixed. */
export const PURE_TOLERANCE = 1e-6;

export interface Projected {
  /** Screen x (right) and y (up), in sphere radii. */
  readonly x: number;
  readonly y: number;
  /** Distance toward the viewer: > 0 in front of the sphere's centre plane. */
  readonly depth: number;
}

export function project(x: number, y: number, z: number): Projected {
  const ca = Math.cos(ALPHA);
  const sa = Math.sin(ALPHA);
  const ce = Math.cos(EPSILON);
  const se = Math.sin(EPSILON);
  return {
    x: -sa * x + ca * y,
    y: -se * ca * x - se * sa * y + ce * z,
    depth: ce * ca * x + ce * sa * y + se * z,
  };
}

/**
 * The equator projects to an ellipse with the full radius across and sin(ε) tall; its lower
 * half is the front half (closer to the viewer), drawn solid, the upper half dashed.
 */
export function equatorRadii(radius: number): { rx: number; ry: number } {
  return { rx: radius, ry: radius * Math.sin(EPSILON) };
}

/** SVG path (y down, centred on 0,0) of the great circle in the x–z plane, split front/back. */
export function meridianPaths(radius: number, steps = 72): { front: string; back: string } {
  const front: string[] = [];
  const back: string[] = [];
  let previous: "front" | "back" | null = null;
  for (let i = 0; i <= steps; i++) {
    const t = (2 * Math.PI * i) / steps;
    const p = project(Math.cos(t), 0, Math.sin(t));
    const side = p.depth >= 0 ? "front" : "back";
    const target = side === "front" ? front : back;
    const point = `${fixed(p.x * radius, 2)} ${fixed(-p.y * radius, 2)}`;
    target.push(`${side === previous ? "L" : "M"}${point}`);
    previous = side;
  }
  return { front: front.join(" "), back: back.join(" ") };
}

export function vectorLength(v: BlochVector): number {
  return Math.hypot(v.x, v.y, v.z);
}

export function isMixed(v: BlochVector): boolean {
  return vectorLength(v) < 1 - PURE_TOLERANCE;
}

/** The tip of the drawn vector in SVG coordinates (y down), centred on 0,0. */
export function vectorTip(
  v: BlochVector,
  radius: number,
): { x: number; y: number; front: boolean } {
  const p = project(v.x, v.y, v.z);
  return { x: p.x * radius, y: -p.y * radius, front: p.depth >= 0 };
}

/**
 * What the picture cannot show, said in words under each sphere. A shortened vector means the
 * qubit alone is not in a pure state: usually it is entangled with other qubits; when shots were
 * simulated one by one it can also mean the state differs between shots.
 */
export function mixedNote(v: BlochVector, perShot: boolean, noisy = false): string | null {
  if (!isMixed(v)) return null;
  const reason =
    noisy && perShot
      ? "noise mixed this qubit's state (the vector averages the shots' trajectories), or it is entangled with others"
      : perShot
        ? "this qubit is entangled with others, or its state differs from shot to shot"
        : "this qubit is entangled with others";
  return `mixed: |r| = ${fixed(vectorLength(v), 2)} — ${reason}`;
}

/** Text alternative of one sphere: "q[0]: x = 0.000, y = 0.000, z = 1.000, |r| = 1.000". */
export function describeBloch(label: string, v: BlochVector): string {
  return `${label}: x = ${fixed(v.x, 3)}, y = ${fixed(v.y, 3)}, z = ${fixed(v.z, 3)}, |r| = ${fixed(vectorLength(v), 3)}`;
}

/**
 * Polar angles of a pure-looking vector for the tooltip: θ from |0⟩, φ around from |+⟩.
 * φ is undefined at the poles and for the zero vector, so null there.
 */
export function blochAngles(v: BlochVector): { theta: number; phi: number | null } {
  const r = vectorLength(v);
  if (r < 1e-12) return { theta: 0, phi: null };
  const theta = Math.acos(Math.max(-1, Math.min(1, v.z / r)));
  const planar = Math.hypot(v.x, v.y);
  return { theta, phi: planar < 1e-9 ? null : Math.atan2(v.y, v.x) };
}
