import { SolvedMark } from "../progress/solved-mark";
import type { ExerciseInfo } from "./runnable-cell";

/** What an exercise asks, above its cell (circuit or experiment). Never its check. */
export function ExerciseGoal({ exercise, cellId }: { exercise: ExerciseInfo; cellId: string }) {
  return (
    <div className="cell__goal">
      <h3 className="cell__goal-title">Exercise: {exercise.title}</h3>
      <SolvedMark cellId={cellId} />
      <div className="prose" dangerouslySetInnerHTML={{ __html: exercise.goalHtml }} />
    </div>
  );
}
