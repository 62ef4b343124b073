import { AnswerComparison } from "./answer-comparison";
import type { QuizReportJson, RenderedQuestion } from "./types";

/** After submitting: the score, then each question right or wrong with why, and where to reread. */
export function QuizResults({
  report,
  questions,
  headingRef,
}: {
  report: QuizReportJson;
  questions: readonly RenderedQuestion[];
  headingRef: React.Ref<HTMLHeadingElement>;
}) {
  const { result } = report;
  const byId = new Map(report.explanations.map((e) => [e.id, e]));
  const results = new Map(result.questions.map((q) => [q.id, q]));
  return (
    <section
      className={`quiz-results ${result.passed ? "quiz-results--pass" : "quiz-results--fail"}`}
      aria-labelledby="quiz-results-title"
    >
      <h3 id="quiz-results-title" ref={headingRef} tabIndex={-1}>
        {result.passed ? "Passed" : "Not passed yet"}: {result.correctCount} of {result.total}{" "}
        correct ({Math.round(result.score * 100)}%, pass mark {Math.round(result.passMark * 100)}%)
      </h3>
      {report.signedIn === false ? (
        <p className="hint">Sign in to keep your results and review what you missed later.</p>
      ) : null}
      <ol className="quiz-results__list">
        {questions.map((question) => {
          const outcome = results.get(question.id);
          const explanation = byId.get(question.id);
          return (
            <li key={question.id} className={outcome?.correct ? "is-right" : "is-wrong"}>
              <p>
                <strong>{outcome?.correct ? "✓ Right" : "✗ Wrong"}</strong> — {outcome?.message}
              </p>
              <div className="prose" dangerouslySetInnerHTML={{ __html: question.promptHtml }} />
              {explanation ? <AnswerComparison report={explanation} /> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
