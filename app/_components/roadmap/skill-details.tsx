import Link from "next/link";

import { LEVEL_NAMES } from "@/lib/roadmap/types";

import { STATUS_LABELS } from "./status";
import type { SkillView } from "./types";

const LEVEL_ONE = `level 1 (${LEVEL_NAMES[1]})`;
const LEVEL_TWO = `level 2 (${LEVEL_NAMES[2]})`;
const LEVEL_THREE = `level 3 (${LEVEL_NAMES[3]})`;

/** What a skill is, where to learn it and the learner's evidence for it. */
export function SkillDetails({ skill }: { skill: SkillView }) {
  return (
    <article className="skill-details" aria-labelledby="skill-details-title">
      <h2 id="skill-details-title">{skill.name}</h2>
      <p className="meta">
        <span className={`skill-chip skill-status--${skill.status}`}>
          {STATUS_LABELS[skill.status]}
        </span>{" "}
        {skill.elsewhere === null ? `Level: ${skill.levelName}` : "Not assessed on Ketbook"}
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
      <p className="meta">
        A passed quiz earns {LEVEL_ONE}, a solved exercise {LEVEL_TWO}, and only applied practice (a
        model judged on held-out data, an open-ended optimisation) {LEVEL_THREE}.
      </p>
      <h3>Where to learn it</h3>
      {skill.elsewhere !== null && <p data-testid="skill-elsewhere">{skill.elsewhere}</p>}
      {skill.learn.length > 0 && (
        <ul>
          {skill.learn.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{l.title}</Link>
            </li>
          ))}
        </ul>
      )}
      <h3>Your evidence</h3>
      {skill.elsewhere !== null ? (
        <p>
          Ketbook has no exercise or quiz that can show this skill, so it is never shown as earned.
        </p>
      ) : skill.evidence.length === 0 ? (
        <p>No evidence yet: pass a quiz or solve an exercise that exercises this skill.</p>
      ) : (
        <ul className="skill-details__evidence">
          {skill.evidence.map((e) => (
            <li key={e.key}>
              {e.typeName} ({e.levelName}):{" "}
              {e.href ? <Link href={e.href}>{e.title}</Link> : e.title}
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
