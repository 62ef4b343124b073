import Link from "next/link";

import { STATUS_LABELS } from "./status";
import type { SkillView } from "./types";

const KIND_LABELS = {
  lesson: "Lesson completed",
  exercise: "Exercise solved",
  quiz: "Quiz passed",
};

/** What a skill is, where to learn it and the learner's evidence for it. */
export function SkillDetails({ skill }: { skill: SkillView }) {
  return (
    <article className="skill-details" aria-labelledby="skill-details-title">
      <h2 id="skill-details-title">{skill.name}</h2>
      <p className="meta">
        <span className={`skill-chip skill-status--${skill.status}`}>
          {STATUS_LABELS[skill.status]}
        </span>{" "}
        Level: {skill.levelName} · {skill.masteryPercent}% mastery
      </p>
      <p>{skill.description}</p>
      {skill.prerequisites.length > 0 && (
        <p className="meta">Builds on: {skill.prerequisites.map((p) => p.name).join(", ")}</p>
      )}
      <h3>Levels</h3>
      <ol className="skill-details__levels">
        {skill.levels.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ol>
      <h3>Where to learn it</h3>
      <ul>
        {skill.learn.map((l) => (
          <li key={l.href}>
            <Link href={l.href}>{l.title}</Link>
          </li>
        ))}
      </ul>
      <h3>Your evidence</h3>
      {skill.evidence.length === 0 ? (
        <p>No evidence yet: complete a lesson, solve an exercise or pass a quiz above.</p>
      ) : (
        <ul className="skill-details__evidence">
          {skill.evidence.map((e) => (
            <li key={e.key}>
              {KIND_LABELS[e.kind]}: {e.href ? <Link href={e.href}>{e.title}</Link> : e.title}
              {e.kind === "quiz" ? ` (${e.scorePercent}%)` : ""}{" "}
              <time className="meta" dateTime={e.date}>
                {e.date.slice(0, 10)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
