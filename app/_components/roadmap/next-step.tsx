import Link from "next/link";

import type { Recommendation } from "@/lib/roadmap/recommend";

/** The "next step" call to action: the recommended lesson and why. */
export function NextStep({
  recommendation,
  skillNames,
}: {
  recommendation: Recommendation | null;
  skillNames: ReadonlyMap<string, string>;
}) {
  if (!recommendation) {
    return <p className="next-step">Nothing left to learn here for this goal. Well done.</p>;
  }
  const { lesson, advances, prerequisiteFor, revisit } = recommendation;
  const names = (ids: readonly string[]) => ids.map((id) => skillNames.get(id) ?? id).join(", ");
  return (
    <div className="next-step">
      <Link
        className="button button--primary"
        href={`/learn/${lesson.courseId}/${lesson.slug}`}
        data-next-lesson={lesson.id}
      >
        Next step: {lesson.title}
      </Link>
      <p className="meta">
        {prerequisiteFor
          ? `It teaches ${skillNames.get(prerequisiteFor.skillId) ?? prerequisiteFor.skillId}, which “${prerequisiteFor.lesson.title}” builds on.`
          : revisit
            ? `Worth another pass (its quiz and exercises) for ${names(advances)}.`
            : advances.length > 0
              ? `Advances ${names(advances)}.`
              : ""}
      </p>
    </div>
  );
}
