"use client";

import { useEffect, useRef, useState } from "react";

import { CellError } from "../outputs";
import { LastQuizResult } from "../progress/last-quiz-result";
import { useLessonProgress } from "../progress/lesson-progress-context";
import { QuestionField } from "./question-field";
import { QuizResults } from "./quiz-results";
import type { Answer, QuizReportJson, RenderedQuiz } from "./types";

/**
 * A lesson's quiz. Answers are graded on the server; the page never has them. Each attempt has
 * its own key so a double submit is recorded once; a retry brings the questions in a new order.
 */
export function QuizForm({
  courseId,
  lessonId,
  initial,
}: {
  courseId: string;
  lessonId: string;
  initial: RenderedQuiz;
}) {
  const progress = useLessonProgress();
  const [quiz, setQuiz] = useState(initial);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [report, setReport] = useState<QuizReportJson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attemptKey = useRef<string | null>(null);
  const startedAt = useRef<number | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const answered = Object.keys(answers).length;

  // Move focus to the results once they are on the page, so keyboard and screen-reader users
  // land on the score.
  useEffect(() => {
    if (report) resultsHeading.current?.focus();
  }, [report]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    attemptKey.current ??= crypto.randomUUID();
    try {
      const response = await fetch("/api/quiz/submit", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          courseId,
          lessonId,
          answers,
          attemptKey: attemptKey.current,
          secondsTaken: startedAt.current
            ? Math.round((Date.now() - startedAt.current) / 1000)
            : undefined,
        }),
      });
      const payload = (await response.json()) as QuizReportJson & { error?: { message: string } };
      if (!response.ok || payload.error) {
        setError(payload.error?.message ?? `Submitting failed (${response.status}).`);
        return;
      }
      setReport(payload);
      // The score shows with the quiz from now on; a guest's answers are kept for the merge.
      progress?.quizSubmitted({
        attemptKey: attemptKey.current,
        answers,
        result: payload.result,
        signedIn: Boolean(payload.signedIn),
      });
    } catch (caught) {
      setError(`Could not reach the server: ${(caught as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  async function retry() {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const response = await fetch(
      `/api/quiz?${new URLSearchParams({ courseId, lessonId, seed: String(seed) })}`,
    );
    if (response.ok) setQuiz((await response.json()) as RenderedQuiz);
    setAnswers({});
    setReport(null);
    attemptKey.current = null;
    startedAt.current = null;
  }

  return (
    <section className="quiz" aria-labelledby="quiz-title">
      <h2 id="quiz-title">Check your understanding</h2>
      <p className="hint">
        {quiz.questions.length} questions · pass mark {Math.round(quiz.passMark * 100)}% · answers
        are checked on the server
      </p>
      <LastQuizResult />
      {report ? (
        <>
          <QuizResults report={report} questions={quiz.questions} headingRef={resultsHeading} />
          <button type="button" className="button" onClick={() => void retry()}>
            Try again (questions in a new order)
          </button>
        </>
      ) : (
        <form onSubmit={submit} onChange={() => (startedAt.current ??= Date.now())}>
          {quiz.questions.map((question, index) => (
            <QuestionField
              key={question.id}
              question={question}
              number={index + 1}
              value={answers[question.id]}
              disabled={busy}
              onChange={(value) => {
                startedAt.current ??= Date.now();
                setAnswers((current) => ({ ...current, [question.id]: value }));
              }}
            />
          ))}
          {error ? <CellError message={error} /> : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy
              ? "Checking…"
              : `Submit answers (${answered} of ${quiz.questions.length} answered)`}
          </button>
        </form>
      )}
    </section>
  );
}
