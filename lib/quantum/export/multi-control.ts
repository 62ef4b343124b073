/**
 * Any number of (positive) controls on a catalog gate, rebuilt from the few controlled gates of
 * qelib1.inc (cx ccx c3x c4x cy cz ch csx c3sqrtx crx cry crz cu1 cp cu3 cu cswap). Every rewrite
 * is an exact identity, global phase included, because a control turns a global phase into a
 * relative one:
 * - C^n Y = S·C^n X·S†, C^n Z = H·C^n X·H, C^n H = Ry(π/4)·C^n Z·Ry(−π/4) (conjugations);
 * - C^n SWAP(a,b) = CX(b,a)·C^{n+1}X(a→b)·CX(b,a); C^n RZZ, RXX likewise conjugate a C^n RZ;
 * - otherwise C^n U for a single-qubit U by Barenco et al. (1995) lemma 7.5 with V² = U:
 *   C^n U = C^{n−1}V(c₁…c_{n−1} → t) · C^{n−1}X(→ c_n) · CV†(c_n → t) · C^{n−1}X(→ c_n) · CV(c_n → t)
 *   (rightmost first), and CU = cu(θ, φ, λ, γ) from U's Euler angles.
 * The output grows exponentially with n; circuits a learner writes have a handful of controls.
 */
import { QuantumError } from "../errors";
import { controlledForm, relativePhaseToffoli, type BasicGate } from "./controls";
import { adjoint, eulerAngles, singleQubitMatrix, sqrtUnitary, type Mat2 } from "./su2";

const PI = Math.PI;
const gate = (name: string, params: readonly number[], ...qubits: number[]): BasicGate => ({
  name,
  params,
  qubits,
});

/** Names of multi-controlled X that qelib1.inc has, by number of controls. */
const MCX = ["x", "cx", "ccx", "c3x", "c4x"] as const;

/**
 * The gate `name(params)` on `targets` (a base gate, i.e. without its own controls, or a gate
 * without controls such as swap/rxx/rccx) controlled by every qubit of `controls` being |1⟩.
 */
export function multiControlled(
  controls: readonly number[],
  name: string,
  params: readonly number[],
  targets: readonly number[],
): BasicGate[] {
  const n = controls.length;
  const [t] = targets;
  if (n === 0) return [gate(name === "phase" ? "p" : name, params, ...targets)];
  switch (name) {
    case "x":
      if (n < MCX.length) return [gate(MCX[n], [], ...controls, t)];
      break;
    case "y":
      if (n === 1) return [gate("cy", [], controls[0], t)];
      return [gate("sdg", [], t), ...multiControlled(controls, "x", [], [t]), gate("s", [], t)];
    case "z":
      if (n === 1) return [gate("cz", [], controls[0], t)];
      return [gate("h", [], t), ...multiControlled(controls, "x", [], [t]), gate("h", [], t)];
    case "h":
      if (n === 1) return [gate("ch", [], controls[0], t)];
      return [
        gate("ry", [-PI / 4], t),
        ...multiControlled(controls, "z", [], [t]),
        gate("ry", [PI / 4], t),
      ];
    case "sx":
      if (n === 1) return [gate("csx", [], controls[0], t)];
      if (n === 3) return [gate("c3sqrtx", [], ...controls, t)];
      break;
    case "rx":
    case "ry":
    case "rz":
      if (n === 1) return [gate(`c${name}`, params, controls[0], t)];
      break;
    case "u1":
      if (n === 1) return [gate("cu1", params, controls[0], t)];
      break;
    case "p":
    case "phase":
      if (n === 1) return [gate("cp", params, controls[0], t)];
      break;
    case "u3":
    case "u":
    case "U":
      if (n === 1) return [gate("cu3", params, controls[0], t)];
      break;
    case "u2":
      if (n === 1) return [gate("cu3", [PI / 2, ...params], controls[0], t)];
      break;
    case "id":
      return [gate("id", [], t)];
    case "swap": {
      const [a, b] = targets;
      if (n === 1) return [gate("cswap", [], controls[0], a, b)];
      return [
        gate("cx", [], b, a),
        ...multiControlled([...controls, a], "x", [], [b]),
        gate("cx", [], b, a),
      ];
    }
    case "rzz":
    case "rxx": {
      const [a, b] = targets;
      const core = [
        gate("cx", [], a, b),
        ...multiControlled(controls, "rz", params, [b]),
        gate("cx", [], a, b),
      ];
      if (name === "rzz") return core;
      const hh = [gate("h", [], a), gate("h", [], b)];
      return [...hh, ...core, ...hh];
    }
    case "rccx":
    case "rc3x":
      return relativePhaseToffoli(name, targets).flatMap((piece) =>
        controlledGate(controls, piece.name, piece.params, piece.qubits),
      );
    default:
      break;
  }
  const matrix = singleQubitMatrix(name, params);
  if (!matrix || targets.length !== 1) {
    throw new QuantumError("unsupported", `cannot add controls to \`${name}\``);
  }
  return controlledMatrix(controls, matrix, t);
}

/** A catalog gate given by name and operands (own controls first) with extra `controls`. */
export function controlledGate(
  controls: readonly number[],
  name: string,
  params: readonly number[],
  qubits: readonly number[],
): BasicGate[] {
  if (controls.length === 0) return [gate(name === "phase" ? "p" : name, params, ...qubits)];
  const form = controlledForm({ name, params });
  const all = [...controls, ...qubits.slice(0, form.controls)];
  const gates = multiControlled(all, form.base, form.params, qubits.slice(form.controls));
  return form.phase === 0 ? gates : [...gates, ...controlledPhase(all, form.phase)];
}

/** e^{iγ} on the subspace where every control is |1⟩: a phase gate on the last control. */
export function controlledPhase(controls: readonly number[], gamma: number): BasicGate[] {
  if (controls.length === 0) {
    throw new QuantumError("unsupported", "a global phase needs a qubit to be written on");
  }
  const last = controls[controls.length - 1];
  return multiControlled(controls.slice(0, -1), "p", [gamma], [last]);
}

/** C^n U for a 2×2 unitary U given as a matrix. */
export function controlledMatrix(
  controls: readonly number[],
  u: Mat2,
  target: number,
): BasicGate[] {
  const n = controls.length;
  if (n === 0) {
    const { theta, phi, lambda, gamma } = eulerAngles(u);
    return [gate("u3", [theta, phi, lambda], target), ...globalPhase(gamma, target)];
  }
  if (n === 1) {
    const { theta, phi, lambda, gamma } = eulerAngles(u);
    if (Math.abs(gamma) < 1e-15) return [gate("cu3", [theta, phi, lambda], controls[0], target)];
    return [gate("cu", [theta, phi, lambda, gamma], controls[0], target)];
  }
  const v = sqrtUnitary(u);
  const last = controls[n - 1];
  const rest = controls.slice(0, -1);
  return [
    ...controlledMatrix([last], v, target),
    ...multiControlled(rest, "x", [], [last]),
    ...controlledMatrix([last], adjoint(v), target),
    ...multiControlled(rest, "x", [], [last]),
    ...controlledMatrix(rest, v, target),
  ];
}

/** e^{iγ}·I written with phase gates on one qubit: p(γ)·X·p(γ)·X = e^{iγ}·I. */
export function globalPhase(gamma: number, qubit: number): BasicGate[] {
  if (Math.abs(gamma) < 1e-15) return [];
  return [
    gate("p", [gamma], qubit),
    gate("x", [], qubit),
    gate("p", [gamma], qubit),
    gate("x", [], qubit),
  ];
}
