import "./outputs.css";
import "./bloch-spheres.css";

import type { BlochVector } from "@/lib/quantum/result";

import {
  blochAngles,
  describeBloch,
  equatorRadii,
  isMixed,
  meridianPaths,
  mixedNote,
  project,
  vectorTip,
} from "./bloch-model";
import { fixed, formatAngle } from "./format-model";

export interface BlochSpheresProps {
  bloch: readonly BlochVector[];
  /** Whether the vectors are averages over separately simulated shots (result.perShot). */
  perShot?: boolean;
  /** Whether the run had noise (result.noise): mixed vectors then say noise may be why. */
  noisy?: boolean;
  /** Display name per qubit (e.g. "q[0]", "anc[1]"); defaults to q[i]. */
  qubitLabels?: readonly string[];
}

const R = 52;
const PAD = 30;

function Sphere({
  v,
  label,
  perShot,
  noisy,
}: {
  v: BlochVector;
  label: string;
  perShot: boolean;
  noisy: boolean;
}) {
  const { rx, ry } = equatorRadii(R);
  const meridian = meridianPaths(R);
  const tip = vectorTip(v, R);
  const mixed = isMixed(v);
  const note = mixedNote(v, perShot, noisy);
  const xAxis = project(1, 0, 0);
  const yAxis = project(0, 1, 0);
  const angles = blochAngles(v);
  const description = `${describeBloch(label, v)}${note ? `; ${note}` : ""}`;
  const size = 2 * (R + PAD);
  return (
    <figure className="out-bloch">
      <svg
        className="out-bloch__svg"
        viewBox={`${-R - PAD} ${-R - PAD + 4} ${size} ${size - 4}`}
        width={size}
        height={size - 4}
        role="img"
        aria-label={`Bloch sphere of ${description}`}
      >
        <title>
          {`${label}: θ = ${formatAngle(angles.theta)}${angles.phi === null ? "" : `, φ = ${formatAngle(angles.phi)}`}`}
        </title>
        <circle className="out-bloch__ball" r={R} />
        <path className="out-bloch__back" d={`M ${-rx} 0 A ${rx} ${ry} 0 0 1 ${rx} 0`} />
        <path className="out-bloch__back" d={meridian.back} />
        <path className="out-bloch__ring" d={`M ${-rx} 0 A ${rx} ${ry} 0 0 0 ${rx} 0`} />
        <path className="out-bloch__ring" d={meridian.front} />
        <line className="out-bloch__axis" x1={0} y1={-R} x2={0} y2={R} />
        <line
          className="out-bloch__axis"
          x1={-xAxis.x * R}
          y1={xAxis.y * R}
          x2={xAxis.x * R}
          y2={-xAxis.y * R}
        />
        <line
          className="out-bloch__axis"
          x1={-yAxis.x * R}
          y1={yAxis.y * R}
          x2={yAxis.x * R}
          y2={-yAxis.y * R}
        />
        <text className="out-bloch__label" x={0} y={-R - 7} textAnchor="middle">
          |0⟩
        </text>
        <text className="out-bloch__label" x={0} y={R + 17} textAnchor="middle">
          |1⟩
        </text>
        <text
          className="out-bloch__label"
          x={xAxis.x * R * 1.25}
          y={-xAxis.y * R * 1.25 + 10}
          textAnchor="end"
        >
          |+⟩
        </text>
        <text className="out-bloch__label" x={yAxis.x * R + 5} y={-yAxis.y * R + 4}>
          |+i⟩
        </text>
        <line
          className={mixed ? "out-bloch__vec out-bloch__vec--mixed" : "out-bloch__vec"}
          x1={0}
          y1={0}
          x2={tip.x}
          y2={tip.y}
        />
        <circle
          className={mixed ? "out-bloch__tip out-bloch__tip--mixed" : "out-bloch__tip"}
          cx={tip.x}
          cy={tip.y}
          r={4}
          opacity={tip.front ? 1 : 0.55}
        />
        <circle className="out-bloch__centre" r={1.5} />
      </svg>
      <figcaption>
        <strong className="out-mono">{label}</strong>
        <span className="out-bloch__xyz out-mono">
          x {fixed(v.x, 2)} · y {fixed(v.y, 2)} · z {fixed(v.z, 2)}
        </span>
        {note ? <span className="out-bloch__mixed">{note}</span> : null}
      </figcaption>
    </figure>
  );
}

/** One Bloch sphere per qubit, from its reduced density matrix. */
export function BlochSpheres({
  bloch,
  perShot = false,
  noisy = false,
  qubitLabels,
}: BlochSpheresProps) {
  if (bloch.length === 0) return <p className="out-note">The circuit has no qubits.</p>;
  const anyMixed = bloch.some(isMixed);
  return (
    <div className="out-blochs">
      <div className="out-blochs__grid">
        {bloch.map((v, q) => (
          <Sphere
            key={q}
            v={v}
            label={qubitLabels?.[q] ?? `q[${q}]`}
            perShot={perShot}
            noisy={noisy}
          />
        ))}
      </div>
      <p className="out-note">
        Each sphere shows one qubit on its own. It cannot show how qubits depend on each other:
        {anyMixed
          ? " a vector shorter than the radius (drawn in amber) means the qubit has no state of its own, because it is entangled with others — the joint state is in the State tab."
          : " for entangled qubits the vectors shrink toward the centre, and the joint state is in the State tab."}{" "}
        A global phase never shows on a sphere; the angle around the vertical axis is the relative
        phase between |0⟩ and |1⟩.
      </p>
    </div>
  );
}
