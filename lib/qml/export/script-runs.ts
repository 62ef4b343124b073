/**
 * The loops both scripts run the same way once their library has supplied the pieces: the
 * Hamiltonian literals, the grid of a scan, the minimisation (or the dissociation curve) and the
 * final reports. Each script defines, in its own library, `hamiltonian(terms)`,
 * `expectations(points)`, `energy_of(H)`, `make_optimizer()` / `nelder_mead(...)` and
 * `value_of(cost, x)` before these lines.
 */
import type { MinimisePlan, ScanPlan, TargetPlan } from "./plan";
import { comment, pyNumber, pyString } from "./python";
import { initialStepOf, section, termsLiteral, type ScriptLibrary } from "./script-parts";

/** `hamiltonian()`, then `TERMS`/`H`/`EXACT` for one target or `SWEEP` for a curve. */
export function targetLiterals(
  target: TargetPlan | readonly TargetPlan[],
  library: ScriptLibrary,
): string[] {
  const make =
    library === "pennylane"
      ? [
          "def hamiltonian(terms):",
          "    return qml.Hamiltonian([c for c, _, _ in terms], [op for _, _, op in terms])",
        ]
      : [
          "def hamiltonian(terms):",
          "    return SparsePauliOp.from_list([(label, c) for c, label in terms])",
        ];
  const layout =
    library === "pennylane"
      ? "# Each term: (coefficient, Pauli label in Qiskit order, the same term as a PennyLane operator)."
      : "# Each term: (coefficient, Pauli label in Qiskit order).";
  if (Array.isArray(target)) {
    const points = target as readonly TargetPlan[];
    return [
      ...make,
      "",
      "",
      layout,
      "# SWEEP: (bond length in Å, exact full-CI energy in hartree, terms) at each point of the curve.",
      "SWEEP = [",
      ...points.flatMap((point) => [
        `    (${pyNumber(point.bondLength ?? NaN)}, ${pyNumber(point.exact ?? NaN)}, ${termsLiteral(point.terms, library, "    ").join("\n")}),`,
      ]),
      "]",
    ];
  }
  const one = target as TargetPlan;
  return [
    ...make,
    "",
    "",
    layout,
    `TERMS = ${termsLiteral(one.terms, library, "").join("\n")}`,
    "H = hamiltonian(TERMS)",
    ...(one.exact === undefined
      ? []
      : [`EXACT = ${pyNumber(one.exact)}  # ${exactMeaning(one)}, computed by Ketbook`]),
    ...(one.kind === "maxcut"
      ? ["MAX_CUT = -EXACT  # H = -cut, so its minimum is -(maximum cut)"]
      : []),
  ];
}

function exactMeaning(target: TargetPlan): string {
  switch (target.kind) {
    case "molecule":
      return "exact (full CI) energy in hartree";
    case "maxcut":
      return "ground energy of H = minus the maximum cut";
    case "portfolio":
      return "cost of the best selection (brute force)";
    case "ising":
      return "exact ground energy";
    case "observable":
      return "exact minimum (lowest eigenvalue)";
  }
}

export function scanRun(plan: ScanPlan): string[] {
  const fixed = Object.entries(plan.spec.values).map(([k, v]) => `${pyString(k)}: ${pyNumber(v)}`);
  const axes = Object.entries(plan.spec.grid).map(
    ([name, [from, to, points]]) =>
      `    (${pyString(name)}, grid(${pyNumber(from)}, ${pyNumber(to)}, ${points})),`,
  );
  return [
    "",
    "",
    "def grid(start, stop, points):",
    '    """Ketbook\'s grid: start + (stop - start) * i / (points - 1), or [start] for one point."""',
    "    if points == 1:",
    "        return [start]",
    "    return [start + (stop - start) * i / (points - 1) for i in range(points)]",
    "",
    "",
    "FIXED = {" + fixed.join(", ") + "}",
    "AXES = [",
    ...axes,
    "]",
    "",
    "",
    "(first, xs), *rest = AXES",
    "second, ys = rest[0] if rest else (None, [None])",
    "# The first axis varies fastest, as in Ketbook's landscape (values[j][i] at xs[i], ys[j]).",
    "points = [",
    "    {**FIXED, first: x, **({second: y} if second else {})} for y in ys for x in xs",
    "]",
    "values = expectations(points)",
    "best = min(range(len(values)), key=lambda k: values[k])  # the first lowest point",
    "if len(points) <= 50:",
    "    for point, value in zip(points, values):",
    '        where = ", ".join(f"{name} = {point[name]:.4f}" for name, _ in AXES)',
    '        print(f"{where}: {value:.6f}")',
    'where = ", ".join(f"{name} = {points[best][name]:.4f}" for name, _ in AXES)',
    'print(f"evaluated at {len(points)} grid points; lowest value {values[best]:.6f} at {where}")',
  ];
}

export function minimiseRun(plan: MinimisePlan, library: ScriptLibrary): string[] {
  const { spec } = plan;
  // With a landscape, the optimiser's path (its start and its weights after every step) is kept.
  const path = plan.landscape !== undefined;
  const start =
    library === "pennylane"
      ? "pnp.array(start, requires_grad=True)"
      : "np.array(start, dtype=float)";
  const loop =
    spec.optimizer.kind === "nelder-mead"
      ? [
          `    weights, values, points = nelder_mead(cost, start, ${pyNumber(initialStepOf(spec.optimizer))}, STEPS)`,
          ...(path ? ["    PATH.extend([np.array(start, dtype=float), *points])"] : []),
          "    for step, value in enumerate(values, start=1):",
          "        if step <= 3 or step == len(values):",
          '            print(f"  step {step}: best <H> = {value:.6f}")',
        ]
      : [
          "    opt = make_optimizer()",
          `    weights = ${start}`,
          ...(path ? ["    PATH.append(np.array(start, dtype=float))"] : []),
          "    for step in range(1, STEPS + 1):",
          "        weights, value = opt.step_and_cost(cost, weights)",
          ...(path ? ["        PATH.append(np.array(weights, dtype=float))"] : []),
          "        if step <= 3 or step == STEPS:",
          '            print(f"  step {step}: <H> = {float(value):.6f}")',
        ];
  return [
    ...(path
      ? ["", "", "PATH = []  # the optimiser's start, then its weights after every step"]
      : []),
    "",
    "",
    "def minimise(cost, start):",
    '    """STEPS optimiser steps from `start` (a fresh optimiser each time, as in Ketbook)."""',
    ...loop,
    "    return weights, value_of(cost, weights)",
    "",
    "",
    ...(plan.sweep ? sweepReport() : singleReport(plan.targets[0])),
    ...(plan.landscape ? landscapeReport(plan.landscape) : []),
  ];
}

/** The cost over one or two weights (the others at their start), then the path's values. */
function landscapeReport(axes: NonNullable<MinimisePlan["landscape"]>): string[] {
  return [
    ...section("Landscape and the optimiser's path"),
    ...comment(
      "The cost over the axes below with every other weight held at its start value " +
        "(INITIAL_WEIGHTS), as Ketbook draws the map; the path's values are the cost at the " +
        "optimiser's full weights, which may leave that slice.",
    ),
    "def grid(start, stop, points):",
    '    """Ketbook\'s grid: start + (stop - start) * i / (points - 1), or [start] for one point."""',
    "    if points == 1:",
    "        return [start]",
    "    return [start + (stop - start) * i / (points - 1) for i in range(points)]",
    "",
    "",
    "# (index in the weights, name, grid values)",
    "LANDSCAPE = [",
    ...axes.map(
      ({ name, index, range: [from, to, points] }) =>
        `    (${index}, ${pyString(name)}, grid(${pyNumber(from)}, ${pyNumber(to)}, ${points})),`,
    ),
    "]",
    "",
    "",
    "def at(point):",
    '    """The weights at a landscape point (a value per axis), the others at their start."""',
    "    weights = np.array(INITIAL_WEIGHTS, dtype=float)",
    "    for (index, _, _), value in zip(LANDSCAPE, point):",
    "        weights[index] = value",
    "    return weights",
    "",
    "",
    "cost = energy_of(H)",
    "(_, first, xs), *rest = LANDSCAPE",
    "ys = rest[0][2] if rest else [None]",
    "# The first axis varies fastest, as in Ketbook's landscape (values[j][i] at xs[i], ys[j]).",
    "points = [(x,) if y is None else (x, y) for y in ys for x in xs]",
    "values = [value_of(cost, at(point)) for point in points]",
    "best = min(range(len(values)), key=lambda k: values[k])  # the first lowest point",
    'where = ", ".join(f"{name} = {v:.4f}" for (_, name, _), v in zip(LANDSCAPE, points[best]))',
    'print(f"landscape: {len(points)} points; lowest value {values[best]:.6f} at {where}")',
    "for step, weights in enumerate(PATH):",
    "    if step <= 3 or step == len(PATH) - 1:",
    '        where = ", ".join(f"{name} = {weights[index]:.4f}" for index, name, _ in LANDSCAPE)',
    '        print(f"path step {step}: {where}, <H> = {value_of(cost, weights):.6f}")',
  ];
}

function sweepReport(): string[] {
  return [
    "# Each bond length starts from the previous optimum, as Ketbook's sweep does.",
    "weights = INITIAL_WEIGHTS",
    "curve = []",
    "for bond_length, exact, terms in SWEEP:",
    '    print(f"bond length {bond_length:.3f} Å")',
    "    weights, energy = minimise(energy_of(hamiltonian(terms)), weights)",
    "    curve.append((bond_length, energy, exact))",
    "    print(",
    '        f"{bond_length:.3f} Å: E = {energy:.6f} Ha, {1000 * abs(energy - exact):.3f} mHa"',
    "        f\" {'below' if energy < exact else 'above'} the exact {exact:.6f} Ha\"",
    "    )",
    "worst = max(abs(energy - exact) for _, energy, exact in curve)",
    'print(f"points: {len(curve)}, largest error: {1000 * worst:.3f} mHa")',
  ];
}

function singleReport(target: TargetPlan): string[] {
  const run = ["weights, value = minimise(energy_of(H), INITIAL_WEIGHTS)"];
  switch (target.kind) {
    case "molecule":
      return [
        ...run,
        "# With shots an estimate can land below the exact energy; chemical accuracy is the size",
        "# of the error either way.",
        "error = value - EXACT",
        "print(",
        "    f\"E = {value:.6f} Ha, {1000 * abs(error):.3f} mHa {'below' if error < 0 else 'above'} the exact {EXACT:.6f} Ha\"",
        '    + (" (within chemical accuracy, 1.6 mHa)" if abs(error) <= 0.0016 else "")',
        ")",
      ];
    case "maxcut":
      return [
        ...run,
        "expected_cut = -value",
        'print(f"expected cut {expected_cut:.4f} of {MAX_CUT:g}: approximation ratio {expected_cut / MAX_CUT:.4f}")',
      ];
    case "portfolio":
      return [...run, 'print(f"<H> = {value:.6f}; the best selection costs {EXACT:.6f}")'];
    case "ising":
      return [...run, 'print(f"E = {value:.6f} (exact {EXACT:.6f})")'];
    case "observable":
      return [
        ...run,
        target.exact === undefined
          ? 'print(f"final <H> = {value:.6f}")'
          : 'print(f"final <H> = {value:.6f} (exact minimum {EXACT:.6f})")',
      ];
  }
}

export function trainReport(): string[] {
  return [
    "final_loss, train_accuracy, test_accuracy = evaluate(theta)",
    "print(",
    '    f"final: loss {final_loss:.4f}, accuracy {train_accuracy:.1%} on the training set"',
    '    f" and {test_accuracy:.1%} on the held-out test set ({len(theta)} parameters)"',
    ")",
  ];
}
