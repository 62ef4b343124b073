/**
 * Random parameterised OpenQASM 3 programs for the gradient tests: 1–5 qubits, 1–4 inputs,
 * random angle expressions of them (sums, products, divisions, functions, constants, one input
 * in many gates), every differentiable gate, modifiers (`inv @`, `ctrl @`, `negctrl @`,
 * `pow(k) @`), a user gate whose parameter feeds three gates, a loop, and random Pauli sums.
 */
import fc from "fast-check";

export interface RandomProgram {
  readonly source: string;
  readonly inputs: readonly string[];
  readonly values: readonly number[];
  readonly observables: readonly string[];
  readonly numQubits: number;
}

/** name, qubits, parameters, whether a fractional pow keeps a closed form */
const GATES: readonly (readonly [string, number, number, boolean])[] = [
  ["rx", 1, 1, true],
  ["ry", 1, 1, true],
  ["rz", 1, 1, true],
  ["p", 1, 1, true],
  ["phase", 1, 1, true],
  ["u1", 1, 1, true],
  ["U", 1, 3, false],
  ["u3", 1, 3, false],
  ["u", 1, 3, false],
  ["u2", 1, 2, false],
  ["crx", 2, 1, true],
  ["cry", 2, 1, true],
  ["crz", 2, 1, true],
  ["cp", 2, 1, true],
  ["cphase", 2, 1, true],
  ["cu1", 2, 1, true],
  ["cu3", 2, 3, false],
  ["cu", 2, 4, false],
  ["rxx", 2, 1, true],
  ["rzz", 2, 1, true],
  ["gphase", 0, 1, true],
];

const FIXED = ["h", "x", "sx", "s", "cx", "cz", "swap"] as const;

/**
 * Uniform numbers with three decimals: fast-check's default bias towards 0 and tiny values
 * would make most coefficients 0.000 and most angles trivial.
 */
const decimal = (min: number, max: number): fc.Arbitrary<number> =>
  fc.noBias(fc.integer({ min: min * 1000, max: max * 1000 })).map((k) => k / 1000);
const nonzero = (max: number): fc.Arbitrary<number> =>
  fc.tuple(decimal(0.1, max), fc.boolean()).map(([x, negative]) => (negative ? -x : x));

const number = decimal(-2, 2).map((x) => x.toFixed(3));

/** An angle expression over `inputs` (names). */
function expression(inputs: readonly string[]): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string; leaf: string }>((tie) => ({
    leaf: fc.oneof(
      { arbitrary: fc.constantFrom(...inputs), weight: 4 },
      { arbitrary: number, weight: 1 },
      { arbitrary: fc.constant("pi"), weight: 1 },
    ),
    expr: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      { arbitrary: tie("leaf"), weight: 4 },
      fc
        .tuple(tie("expr"), fc.constantFrom("+", "-", "*"), tie("expr"))
        .map(([l, op, r]) => `(${l} ${op} ${r})`),
      fc.tuple(tie("expr"), decimal(0.5, 3)).map(([l, d]) => `${l} / ${d.toFixed(3)}`),
      fc.tuple(tie("expr"), tie("expr")).map(([l, r]) => `${l} / (2 + cos(${r}))`),
      fc.tuple(fc.constantFrom("sin", "cos", "arctan"), tie("expr")).map(([f, x]) => `${f}(${x})`),
      tie("expr").map((x) => `exp(${x} / 4)`),
      tie("expr").map((x) => `sqrt(1 + (${x}) ** 2)`),
      tie("expr").map((x) => `-(${x})`),
    ),
  }));
  return expr as fc.Arbitrary<string>;
}

function statement(n: number, inputs: readonly string[]): fc.Arbitrary<string> {
  const angle = expression(inputs);
  const order = fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });
  const gate = fc
    .record({
      g: fc.constantFrom(...GATES.filter(([, q]) => q <= n)),
      order,
      angles: fc.array(angle, { minLength: 4, maxLength: 4 }),
      modifier: fc.constantFrom(
        "",
        "inv @ ",
        "ctrl @ ",
        "negctrl @ ",
        "pow(2) @ ",
        "pow(-1) @ ",
        "pow(0.5) @ ",
      ),
    })
    .map(({ g: [name, qubits, params, fractional], order: o, angles, modifier }) => {
      let m = modifier;
      if (m.startsWith("pow(0.5)") && !fractional) m = "";
      const controls = m.includes("ctrl") ? 1 : 0;
      if (qubits + controls > n) m = "";
      const used = qubits + (m.includes("ctrl") ? 1 : 0);
      const operands = o.slice(0, used).map((q) => `q[${q}]`);
      const args = angles.slice(0, params).join(", ");
      return `${m}${name}(${args})${operands.length > 0 ? " " : ""}${operands.join(", ")};`;
    });
  const fixed = fc.record({ g: fc.constantFrom(...FIXED), order }).map(({ g, order: o }) => {
    const two = g === "cx" || g === "cz" || g === "swap";
    if (two && n < 2) return `h q[${o[0]}];`;
    return two ? `${g} q[${o[0]}], q[${o[1]}];` : `${g} q[${o[0]}];`;
  });
  const layer = fc
    .record({ t: angle, order })
    .map(({ t, order: o }) => `layer(${t}) q[${o[0]}], q[${o[1]}];`);
  const loop = fc
    .record({ t: angle, q: fc.nat({ max: n - 1 }) })
    .map(({ t, q }) => `for int i in [1:2] { ry(${t} * i) q[${q}]; rz(${t} / i) q[${q}]; }`);
  return fc.oneof(
    { arbitrary: gate, weight: 8 },
    { arbitrary: fixed, weight: 2 },
    { arbitrary: n >= 2 ? layer : loop, weight: 1 },
    { arbitrary: loop, weight: 1 },
  );
}

function pauliSum(n: number): fc.Arbitrary<string> {
  const term = fc.record({
    coeff: nonzero(1),
    factors: fc.uniqueArray(
      fc.record({ p: fc.constantFrom("X", "Y", "Z"), q: fc.nat({ max: n - 1 }) }),
      { minLength: 1, maxLength: n, selector: (f) => f.q },
    ),
  });
  return fc.array(term, { minLength: 1, maxLength: 3 }).map((terms) =>
    terms
      .map(({ coeff, factors }, i) => {
        const body = `${Math.abs(coeff).toFixed(3)}*${factors.map((f) => `${f.p}${f.q}`).join("*")}`;
        if (i === 0) return coeff < 0 ? `-${body}` : body;
        return coeff < 0 ? ` - ${body}` : ` + ${body}`;
      })
      .join(""),
  );
}

/** k input values, for rebinding a program to other values than its own. */
export const randomValues = (k: number) => fc.array(decimal(-5, 5), { minLength: k, maxLength: k });

export const LAYER_GATE = "gate layer(t) a, b { rx(t) a; ry(2 * t) b; rzz(t / 2) a, b; }";

export function randomProgram(maxStatements = 10): fc.Arbitrary<RandomProgram> {
  return fc
    .record({ n: fc.integer({ min: 1, max: 5 }), k: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, k }) => {
      const inputs = ["theta", "w1", "w2", "phi"].slice(0, k);
      return fc
        .record({
          body: fc.array(statement(n, inputs), { minLength: 1, maxLength: maxStatements }),
          values: fc.array(decimal(-3, 3), { minLength: k, maxLength: k }),
          observables: fc.array(pauliSum(n), { minLength: 1, maxLength: 2 }),
        })
        .map(({ body, values, observables }) => ({
          source: [
            "OPENQASM 3.0;",
            'include "stdgates.inc";',
            'include "qelib1.inc";',
            ...inputs.map((name) => `input float ${name};`),
            LAYER_GATE,
            `qubit[${n}] q;`,
            ...body,
          ].join("\n"),
          inputs,
          values,
          observables,
          numQubits: n,
        }));
    });
}
