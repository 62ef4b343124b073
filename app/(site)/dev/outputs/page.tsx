import type { Metadata } from "next";

import {
  BlochSpheres,
  CellError,
  CellOutput,
  CircuitDiagram,
  ExpectationList,
  Histogram,
  StateTable,
} from "@/app/_components/outputs";
import { compile } from "@/lib/quantum/compile";
import { QuantumError } from "@/lib/quantum/errors";
import { layoutCircuit, type CircuitLayout } from "@/lib/quantum/layout";
import type { SimulationResult } from "@/lib/quantum/result";
import { simulate } from "@/lib/quantum/simulate";

export const metadata: Metadata = {
  title: "Output views",
  robots: { index: false, follow: false },
};

/**
 * A gallery of every output view on results computed by the real engine, with fixed seeds so
 * screenshots and the end-to-end test (tests/e2e/outputs.spec.ts) see the same page every time.
 */

const BELL = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;
`;

const THREE_QUBIT_STATE = `OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
h q[0];
ry(pi/3) q[1];
cx q[0], q[2];
s q[2];
t q[1];
#pragma expect Z0*Z2
#pragma expect 0.5*X1 - 0.25*Z1
`;

// GHZ-10 then a small tilt on every qubit, so the 1024 shots land on many outcomes.
const GHZ_10 = `OPENQASM 3.0;
include "stdgates.inc";
qubit[10] q;
bit[10] c;
h q[0];
for int i in [0:8] { cx q[i], q[i + 1]; }
for int i in [0:9] { ry(0.6) q[i]; }
c = measure q;
`;

const FEATURES = `OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[2] c;
h q[0];
ctrl @ x q[0], q[1];
negctrl @ h q[1], q[2];
swap q[0], q[2];
rz(pi/2) q[1];
barrier q;
c[0] = measure q[0];
if (c[0] == 1) x q[2];
reset q[1];
c[1] = measure q[2];
`;

const BROKEN = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
hh q[0];
`;

interface Sample {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly result: SimulationResult;
  readonly layout: CircuitLayout;
}

function run(id: string, title: string, source: string): Sample {
  const circuit = compile(source);
  return {
    id,
    title,
    source,
    result: simulate(circuit, { shots: 1024, seed: 2024 }),
    layout: layoutCircuit(circuit),
  };
}

function compileError(source: string): { message: string; line?: number; column?: number } {
  try {
    compile(source);
  } catch (error) {
    if (error instanceof QuantumError) {
      return { message: error.message, line: error.loc?.line, column: error.loc?.column };
    }
    throw error;
  }
  throw new Error("the broken sample program compiled; the gallery needs one that fails");
}

export default function OutputsGalleryPage() {
  const samples = [
    run("bell", "Bell pair, measured", BELL),
    run("state3", "A 3-qubit state, not measured", THREE_QUBIT_STATE),
    run("ghz10", "GHZ-10 with tilted qubits: many outcomes", GHZ_10),
    run("features", "Measurement, barrier, condition, ctrl/negctrl, swap", FEATURES),
  ];
  const [bell, state3, , features] = samples;
  const error = compileError(BROKEN);

  return (
    <div className="out-gallery">
      <p className="eyebrow">Developer gallery</p>
      <h1>Output views</h1>
      <p className="lead">
        Every view that can appear under a notebook cell, on results computed by the engine with
        seed 2024 and 1024 shots.
      </p>

      <h2 id="views">Each view on its own</h2>
      <section data-view="histogram" aria-labelledby="view-histogram">
        <h3 id="view-histogram">Histogram — {bell.title}</h3>
        <Histogram result={bell.result} />
      </section>
      <section data-view="state" aria-labelledby="view-state">
        <h3 id="view-state">State table — {state3.title}</h3>
        <StateTable result={state3.result} />
      </section>
      <section data-view="bloch" aria-labelledby="view-bloch">
        <h3 id="view-bloch">Bloch spheres — {state3.title}</h3>
        <BlochSpheres bloch={state3.result.bloch} qubitLabels={state3.layout.qubitLabels} />
      </section>
      <section data-view="circuit" aria-labelledby="view-circuit">
        <h3 id="view-circuit">Circuit diagram — {features.title}</h3>
        <CircuitDiagram layout={features.layout} />
      </section>
      <section data-view="expectations" aria-labelledby="view-expectations">
        <h3 id="view-expectations">Expectation values — {state3.title}</h3>
        <ExpectationList expectations={state3.result.expectations} />
      </section>
      <section data-view="error" aria-labelledby="view-error">
        <h3 id="view-error">Error</h3>
        <CellError {...error} />
      </section>

      <h2 id="cells">Combined cell outputs</h2>
      {samples.map((sample) => (
        <section
          key={sample.id}
          className="cell"
          data-sample={sample.id}
          aria-labelledby={`sample-${sample.id}`}
        >
          <h3 id={`sample-${sample.id}`} className="cell__header">
            {sample.title}
          </h3>
          <details>
            <summary>Source</summary>
            <pre className="qasm">{sample.source}</pre>
          </details>
          <CellOutput result={sample.result} layout={sample.layout} />
        </section>
      ))}
    </div>
  );
}
