/**
 * The files a new studio course starts with: a course.yaml and one short lesson with a circuit
 * cell, so the first preview already shows prose, math and a runnable cell.
 */
export function newCourseFiles(id: string, title: string): Record<string, string> {
  return {
    "course.yaml": [
      `id: ${id}`,
      `title: ${yamlString(title)}`,
      "summary: What learners will be able to do after this course.",
      "level: beginner",
      "lessons:",
      "  - 01-welcome",
      "",
    ].join("\n"),
    "01-welcome.md": [
      "---",
      `id: ${id}-welcome`,
      "title: Welcome",
      "summary: What this course covers and how to run a circuit.",
      "minutes: 5",
      "skills: [qubits-superposition]",
      "objectives:",
      "  - Run a circuit and read its histogram.",
      "---",
      "",
      "Every code cell is a circuit you can edit and run. The Hadamard gate makes",
      "$|+\\rangle = (|0\\rangle + |1\\rangle)/\\sqrt{2}$, so each outcome comes up about half the time.",
      "",
      `\`\`\`qasm {#${id}-first-circuit}`,
      "OPENQASM 3.0;",
      'include "stdgates.inc";',
      "qubit[1] q;",
      "bit[1] c;",
      "h q[0];",
      "c = measure q;",
      "```",
      "",
    ].join("\n"),
  };
}

/** A title as a YAML scalar: quoted when plain style would change its meaning. */
function yamlString(text: string): string {
  return /^[\w][\w .,'()!?-]*$/.test(text) && !/:\s|\s#/.test(text) ? text : JSON.stringify(text);
}
