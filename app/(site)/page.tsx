import Link from "next/link";

import { fileCourseRepository } from "@/lib/notebook/file-repository";

import { QasmCode } from "../_components/notebook/qasm-code";

const BELL_PAIR = `OPENQASM 3.0;
include "stdgates.inc";
qubit[2] q;
bit[2] c;
h q[0];          // superposition
cx q[0], q[1];   // entangle
c = measure q;   // counts: only 00 and 11`;

export default async function HomePage() {
  const courses = await fileCourseRepository.listCourses();
  const lessonCount = courses.reduce((sum, c) => sum + c.lessons.length, 0);
  const first = courses[0];
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero__text">
          <h1 id="hero-title">Learn quantum machine learning by running it.</h1>
          <p className="lead">
            Ketbook lessons are notebooks: clear explanations with the maths written out, and
            circuits you can edit and run in the page. No installs, no kernels to start — from your
            first qubit to variational classifiers, quantum kernels, VQE and QAOA.
          </p>
          <div className="hero__actions">
            {first ? (
              <Link
                className="button button--primary"
                href={`/learn/${first.id}/${first.lessons[0]?.slug ?? ""}`}
              >
                Start the first lesson
              </Link>
            ) : null}
            <Link className="button" href="/learn">
              Browse the library ({lessonCount} lessons)
            </Link>
          </div>
        </div>
        <figure className="hero__code">
          <QasmCode source={BELL_PAIR} label="Example OpenQASM program that makes a Bell pair" />
          <figcaption>A Bell pair in seven lines of OpenQASM 3.</figcaption>
        </figure>
      </section>
      <section className="features" aria-labelledby="features-title">
        <h2 id="features-title" className="visually-hidden">
          What you get
        </h2>
        <ul className="feature-list">
          <li>
            <h3>Runnable notebooks</h3>
            <p>Every idea comes with a circuit in OpenQASM 2 or 3 that you can change and run.</p>
          </li>
          <li>
            <h3>Honest physics</h3>
            <p>
              Superposition is not &ldquo;trying every answer at once&rdquo; and entanglement sends
              no signals. We say what quantum computers can and cannot do today.
            </p>
          </li>
          <li>
            <h3>The tools you use next</h3>
            <p>Circuits follow Qiskit&apos;s conventions and take OpenQASM with them to any SDK.</p>
          </li>
        </ul>
      </section>
    </div>
  );
}
