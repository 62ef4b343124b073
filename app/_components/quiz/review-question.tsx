"use client";

import { useRef, useState } from "react";

import { CellError } from "../outputs";
import { AnswerComparison } from "./answer-comparison";
import { QuestionField } from "./question-field";
import type { Answer, QuizReportJson, RenderedQuestion } from "./types";

/** One due question on the review page: answer it, see why, and it moves between boxes. */
export function ReviewQuestion({
  courseId,
  lessonId,
  question,
  titleId,
  promptInTitle,
}: {
  courseId: string;
  lessonId: string;
  question: RenderedQuestion;
  /** The card heading that names the question, by its prompt. */
  titleId?: string;
  promptInTitle?: boolean;
}) {
  const [value, setValue] = useState<Answer | undefined>(undefined);
  const [report, setReport] = useState<(QuizReportJson & { correct: boolean }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attemptKey = useRef(crypto.randomUUID());

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const response = await fetch("/api/review/answer", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        courseId,
        lessonId,
        questionId: question.id,
        answer: value ?? "",
        attemptKey: attemptKey.current,
      }),
    });
    const payload = (await response.json()) as QuizReportJson & {
      correct: boolean;
      error?: { message: string };
    };
    if (!response.ok || payload.error)
      setError(payload.error?.message ?? `Failed (${response.status}).`);
    else setReport(payload);
  }

  if (report) {
    const explanation = report.explanations[0];
    return (
      <div
        className={`feedback ${report.correct ? "feedback--pass" : "feedback--fail"}`}
        role="status"
      >
        <p>
          <strong>
            {report.correct
              ? "✓ Right — it moves up a box."
              : "✗ Not yet — it goes back to the first box."}
          </strong>{" "}
          {report.result.questions[0]?.message}
        </p>
        {explanation ? <AnswerComparison report={explanation} /> : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit}>
      <QuestionField
        question={question}
        number={1}
        value={value}
        onChange={setValue}
        labelledBy={titleId}
        promptInTitle={promptInTitle}
      />
      {error ? <CellError message={error} /> : null}
      <button type="submit" className="button button--primary button--small">
        Check
      </button>
    </form>
  );
}
