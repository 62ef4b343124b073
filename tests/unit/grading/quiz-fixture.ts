import { quizFileSchema } from "@/lib/grading/schemas";

import { qasm } from "./programs";

/** One question of every type, parsed as the loader would. */
export const quiz = quizFileSchema.parse({
  id: "sample-quiz",
  skills: ["measurement"],
  questions: [
    {
      id: "q-single",
      type: "single",
      prompt: "What is P(1) for (|0⟩ + i|1⟩)/√2?",
      options: [
        { id: "a", text: "zero" },
        { id: "b", text: "one half" },
        { id: "c", text: "i over root two" },
      ],
      answer: "b",
      explanation: "Born rule: |i/√2|² = 1/2 (single-explanation).",
      section: "the-born-rule",
    },
    {
      id: "q-multiple",
      type: "multiple",
      prompt: "Which are normalised?",
      options: [
        { id: "a", text: "(|0⟩ + |1⟩)/√2" },
        { id: "b", text: "|0⟩ + |1⟩" },
        { id: "c", text: "0.6|0⟩ − 0.8i|1⟩" },
        { id: "d", text: "(|0⟩ + |1⟩)/2" },
      ],
      answer: ["a", "c"],
      explanation: "Squares add to one (multiple-explanation).",
      section: "state-vectors",
    },
    {
      id: "q-truefalse",
      type: "truefalse",
      prompt: "A global phase changes probabilities.",
      answer: false,
      explanation: "|−α|² = |α|² (truefalse-explanation).",
      section: "the-bloch-sphere",
    },
    {
      id: "q-numeric",
      type: "numeric",
      prompt: "P(1) of 0.6|0⟩ − 0.8|1⟩?",
      answer: { value: 0.64, tolerance: 0.01 },
      explanation: "0.8² = 0.64 (numeric-explanation).",
      section: "the-born-rule",
    },
    {
      id: "q-text",
      type: "text",
      prompt: "Name the rule.",
      answer: ["Born rule", "born"],
      explanation: "Max Born, 1926 (text-explanation).",
      section: "the-born-rule",
    },
    {
      id: "q-ordering",
      type: "ordering",
      prompt: "Order the steps.",
      items: [
        { id: "prepare", text: "Prepare the state" },
        { id: "evolve", text: "Apply the gates" },
        { id: "measure", text: "Measure the qubits" },
        { id: "repeat", text: "Repeat for many shots" },
      ],
      answer: ["prepare", "evolve", "measure", "repeat"],
      explanation: "Prepare, evolve, measure, repeat (ordering-explanation).",
      section: "shots-and-counts",
    },
    {
      id: "q-circuit",
      type: "circuit",
      prompt: "Make every shot read 1.",
      starter: qasm(1, "c[0] = measure q[0];", "bit[1] c;\n"),
      check: { kind: "distribution", target: { "1": 1.0 }, maxDistance: 0.05 },
      explanation: "Apply x before measuring (circuit-explanation).",
      section: "from-bits-to-qubits",
    },
  ],
});

export const allCorrect = {
  "q-single": "b",
  "q-multiple": ["c", "a"],
  "q-truefalse": false,
  "q-numeric": "0.64",
  "q-text": "born rule",
  "q-ordering": ["prepare", "evolve", "measure", "repeat"],
  "q-circuit": qasm(1, "x q[0];\nc[0] = measure q[0];", "bit[1] c;\n"),
};
