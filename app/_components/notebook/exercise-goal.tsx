import type { ExerciseInfo } from "./runnable-cell";

/** What an exercise asks, above its cell (circuit or experiment). Never its check. */
export function ExerciseGoal({ exercise }: { exercise: ExerciseInfo }) {
  return (
    <div className="cell__goal">
      <h3 className="cell__goal-title">Exercise: {exercise.title}</h3>
      <div className="prose" dangerouslySetInnerHTML={{ __html: exercise.goalHtml }} />
    </div>
  );
}
