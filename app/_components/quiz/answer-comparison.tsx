import type { QuestionReport } from "./types";

/**
 * After submission: the learner's answer beside the right one, then why, and where the lesson
 * explains it. A description list, so each part is announced with its label.
 */
export function AnswerComparison({ report }: { report: QuestionReport }) {
  return (
    <div className="quiz-results__explanation">
      <dl className="answer-comparison">
        <div>
          <dt>Your answer</dt>
          {report.yourAnswerHtml === null ? (
            <dd>Not answered</dd>
          ) : (
            <dd className="prose" dangerouslySetInnerHTML={{ __html: report.yourAnswerHtml }} />
          )}
        </div>
        <div>
          <dt>Right answer</dt>
          <dd className="prose" dangerouslySetInnerHTML={{ __html: report.rightAnswerHtml }} />
        </div>
        <div>
          <dt>Why</dt>
          <dd className="prose" dangerouslySetInnerHTML={{ __html: report.explanationHtml }} />
        </div>
      </dl>
      <a href={report.href}>Read this part of the lesson again</a>
    </div>
  );
}
