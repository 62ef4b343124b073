/**
 * A symbolic angle (lib/quantum/angle.ts) as a Python expression over named parameters, for
 * exporters that keep a cell's `input float` sliders as parameters instead of fixed numbers.
 * Constants are written as every exporter writes angles (`pi/2`, `0.7`); functions use the
 * target's own spelling (Qiskit's ParameterExpression has `.sin()`, `.log()`...).
 */
import type { Angle, AngleFunction } from "../angle";
import { formatAngle } from "./format";

export interface PythonAngleStyle {
  /** The Python variable of input `name`. */
  readonly parameter: (name: string) => string;
  /** `fn` applied to the already-written argument `arg`. */
  readonly call: (fn: AngleFunction, arg: string) => string;
  readonly pi?: string;
}

export function pythonAngle(angle: Angle, style: PythonAngleStyle): string {
  if (typeof angle === "number") {
    const text = formatAngle(angle, style.pi);
    return angle < 0 ? `(${text})` : text;
  }
  switch (angle.kind) {
    case "input":
      return style.parameter(angle.name);
    case "neg":
      return `(-${pythonAngle(angle.arg, style)})`;
    case "binary":
      return `(${pythonAngle(angle.left, style)} ${angle.op} ${pythonAngle(angle.right, style)})`;
    case "call":
      return style.call(angle.fn, pythonAngle(angle.arg, style));
  }
}

/** Qiskit ParameterExpression methods (natural log is `.log()`; no `.sqrt()`, so a power). */
export function qiskitCall(fn: AngleFunction, arg: string): string {
  switch (fn) {
    case "ln":
      return `${arg}.log()`;
    case "sqrt":
      return `(${arg} ** 0.5)`;
    default:
      return `${arg}.${fn}()`;
  }
}
