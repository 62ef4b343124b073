import Link from "next/link";

import type { ExerciseFunnel } from "@/lib/cohorts/exercise-funnel";

import { percent } from "./formats";

/**
 * Exercise funnels as a table with a bar per stage: the bars make the drop-offs visible at a
 * glance, the numbers beside them are the same data for screen readers and for copying.
 */
export function FunnelTable({
  cohortId,
  funnels,
}: {
  cohortId: string;
  funnels: readonly ExerciseFunnel[];
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Exercise funnels">
      <table className="data-table funnel-table">
        <caption>Of the learners who opened each exercise&apos;s lesson</caption>
        <thead>
          <tr>
            <th scope="col">Exercise</th>
            <th scope="col">Opened</th>
            <th scope="col">Attempted</th>
            <th scope="col">Solved</th>
            <th scope="col">Median attempts to solve</th>
            <th scope="col">Wrong answers</th>
          </tr>
        </thead>
        <tbody>
          {funnels.map((f) => (
            <tr key={f.cellId}>
              <th scope="row">{f.title}</th>
              <td>{f.opened}</td>
              <Stage count={f.attempted} of={f.opened} />
              <Stage count={f.solved} of={f.opened} />
              <td>{f.medianAttemptsToSolve ?? "–"}</td>
              <td>
                {f.wrongAttempts > 0 ? (
                  <Link href={`/studio/cohorts/${cohortId}/exercises/${f.cellId}`} prefetch={false}>
                    {f.wrongAttempts} grouped<span className="visually-hidden"> for {f.title}</span>
                  </Link>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Stage({ count, of }: { count: number; of: number }) {
  const share = of > 0 ? count / of : 0;
  return (
    <td>
      <span className="funnel-bar" aria-hidden="true">
        <span style={{ width: percent(share) }} />
      </span>{" "}
      {count}
      {of > 0 ? <span className="meta"> ({percent(share)})</span> : null}
    </td>
  );
}
