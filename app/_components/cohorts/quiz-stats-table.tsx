import { MIN_LEARNERS_FOR_DISCRIMINATION } from "@/lib/cohorts/quiz-item-stats";
import type { QuizInsight } from "@/lib/cohorts/insights";

import { percent } from "./formats";

/** Item statistics for one quiz: which questions the cohort gets wrong, and with what answer. */
export function QuizStatsTable({ insight }: { insight: QuizInsight }) {
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={`Quiz of ${insight.lessonTitle}`}
    >
      <table className="data-table">
        <caption>
          Quiz of “{insight.lessonTitle}”, latest attempt of {insight.takers} learner
          {insight.takers === 1 ? "" : "s"}
        </caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Correct</th>
            <th scope="col">
              <abbr title="share correct in the top 27% of the cohort by quiz score, minus the share in the bottom 27%">
                Discrimination
              </abbr>
            </th>
            <th scope="col">Most chosen wrong answer</th>
          </tr>
        </thead>
        <tbody>
          {insight.questions.map((q) => (
            <tr key={q.questionId}>
              <th scope="row">{q.prompt}</th>
              <td>
                {q.shareCorrect === null
                  ? "not answered yet"
                  : `${percent(q.shareCorrect)} (${q.correct} of ${q.answered})`}
              </td>
              <td>
                {q.discrimination === null
                  ? `needs ${MIN_LEARNERS_FOR_DISCRIMINATION} learners`
                  : q.discrimination.toFixed(2)}
              </td>
              <td>{q.commonWrong ? `${q.commonWrong.label} (${q.commonWrong.count})` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
