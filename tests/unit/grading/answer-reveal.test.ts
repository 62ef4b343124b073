import { describe, expect, it } from "vitest";

import { revealAnswers } from "@/lib/grading/answer-reveal";
import { promptTitle } from "@/lib/grading/public-view";
import { renderMarkdown } from "@/lib/notebook/render-markdown";

import { allCorrect, quiz } from "./quiz-fixture";

const byId = (answers: Parameters<typeof revealAnswers>[1]) =>
  Object.fromEntries(revealAnswers(quiz, answers).map((r) => [r.id, r]));

describe("revealAnswers", () => {
  it("names the chosen and the right option by their text, never by id", () => {
    const revealed = byId({ ...allCorrect, "q-single": "a", "q-multiple": ["b"] });
    expect(revealed["q-single"]).toEqual({ id: "q-single", yours: "zero", right: "one half" });
    expect(revealed["q-multiple"].yours).toBe("- |0⟩ + |1⟩");
    expect(revealed["q-multiple"].right).toBe("- (|0⟩ + |1⟩)/√2\n- 0.6|0⟩ − 0.8i|1⟩");
  });

  it("gives true/false, numbers with their tolerance, accepted texts and orders", () => {
    const revealed = byId({
      ...allCorrect,
      "q-truefalse": true,
      "q-numeric": "0.5",
      "q-text": "Schrödinger",
      "q-ordering": ["measure", "prepare", "evolve", "repeat"],
    });
    expect(revealed["q-truefalse"]).toMatchObject({ yours: "True", right: "False" });
    expect(revealed["q-numeric"]).toMatchObject({ yours: "`0.5`", right: "0.64 (within ±0.01)" });
    expect(revealed["q-text"]).toMatchObject({
      yours: "`Schrödinger`",
      right: "`Born rule` (also accepted: `born`)",
    });
    expect(revealed["q-ordering"].yours).toBe(
      "1. Measure the qubits\n2. Prepare the state\n3. Apply the gates\n4. Repeat for many shots",
    );
    expect(revealed["q-ordering"].right).toBe(
      "1. Prepare the state\n2. Apply the gates\n3. Measure the qubits\n4. Repeat for many shots",
    );
  });

  it("shows circuit answers as code and marks unanswered questions", () => {
    const revealed = byId({ "q-circuit": "x q[0];" });
    expect(revealed["q-circuit"].yours).toBe("```qasm\nx q[0];\n```");
    expect(revealed["q-circuit"].right).toMatch(/passes the check/);
    expect(revealed["q-single"].yours).toBeNull();
    expect(revealed["q-multiple"].yours).toBeNull();
  });

  it("keeps learner text inert when rendered: no links, no markup", () => {
    const [revealed] = revealAnswers(
      { ...quiz, questions: [quiz.questions.find((q) => q.id === "q-text")!] },
      { "q-text": "<img src=x onerror=alert(1)> [x](javascript:alert(1)) `tick`" },
    );
    const html = renderMarkdown(revealed.yours!);
    expect(html).not.toMatch(/<img|<a /);
    expect(html).toContain("<code>");
  });
});

describe("promptTitle", () => {
  it("titles a one-paragraph prompt by the whole of it, maths rendered", () => {
    const title = promptTitle("Where on the Bloch sphere is $|1\\rangle$?");
    expect(title.wholePrompt).toBe(true);
    expect(title.html).toMatch(/^Where on the Bloch sphere is <span class="katex/);
    expect(title.html).not.toContain("<p>");
  });

  it("titles a longer prompt by its first paragraph, and a code-first prompt not at all", () => {
    expect(promptTitle("Look at this circuit.\n\n```qasm\nh q[0];\n```")).toEqual({
      html: "Look at this circuit.",
      wholePrompt: false,
    });
    expect(promptTitle("```qasm\nh q[0];\n```\n\nWhat does it do?")).toEqual({
      html: null,
      wholePrompt: false,
    });
  });
});
