import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { learnerRoadmap } from "@/lib/roadmap/service";

import { StatusLegend } from "../../_components/roadmap/legend";
import { NextStep } from "../../_components/roadmap/next-step";
import { ReadinessBar } from "../../_components/roadmap/readiness-bar";
import { SkillGraph } from "../../_components/roadmap/skill-graph";
import { AREA_NAMES, edgeViews, skillViews } from "../../_components/roadmap/skill-views";
import { STATUS_LABELS } from "../../_components/roadmap/status";
import "../../_components/roadmap/roadmap.css";

export const metadata: Metadata = { title: "Skills roadmap" };

/** "Now" for this request (kept out of the component body, which must render purely). */
async function requestTime(): Promise<Date> {
  return new Date();
}

export default async function RoadmapPage({
  searchParams,
}: {
  searchParams: Promise<{ skill?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  const view = await learnerRoadmap(getDatabase().db, user?.id ?? null, await requestTime());
  const skills = skillViews(view);
  const { skill } = await searchParams;
  const selected = typeof skill === "string" && skills.some((s) => s.id === skill) ? skill : null;
  const counts = { mastered: 0, "in-progress": 0, "not-started": 0, "not-assessed": 0 };
  for (const s of skills) counts[s.status] += 1;
  const areas = [...new Set(skills.map((s) => s.area))];
  const { layout } = view.content;
  const target = view.targetRole;

  return (
    <div className="page page--wide">
      <h1>Skills roadmap</h1>
      <p className="lead">
        The skills quantum machine learning asks for, how they build on each other, and where you
        stand on each — every level backed by a quiz you passed or an exercise you solved that
        exercises the skill.
      </p>
      {user ? (
        <div className="roadmap-summary">
          <p data-testid="roadmap-counts">
            {counts.mastered} mastered · {counts["in-progress"]} in progress ·{" "}
            {counts["not-started"]} not started · {counts["not-assessed"]} not assessed here
          </p>
          {target ? (
            <div>
              <p>
                Target role: <Link href={`/careers/${target.id}`}>{target.name}</Link>
              </p>
              <ReadinessBar
                percent={view.readiness.get(target.id)!.percent}
                label={`Readiness for ${target.name}`}
              />
            </div>
          ) : (
            <p>
              <Link href="/careers">Pick a target role</Link> to aim your recommendations.
            </p>
          )}
          <NextStep
            recommendation={view.recommendation}
            skillNames={new Map(skills.map((s) => [s.id, s.name]))}
          />
        </div>
      ) : (
        <p>
          <Link href="/signin?callbackUrl=/roadmap">Sign in</Link> or{" "}
          <Link href="/signup?callbackUrl=/roadmap">create an account</Link> to track your progress
          on each skill.
        </p>
      )}

      <StatusLegend />
      <SkillGraph
        width={layout.width}
        height={layout.height}
        nodes={layout.nodes}
        edges={edgeViews(layout)}
        skills={skills}
        initialSelected={selected}
      />

      <section aria-labelledby="skill-list-title" className="skill-list">
        <h2 id="skill-list-title">All skills (list view)</h2>
        {areas.map((area) => (
          <div key={area}>
            <h3>{AREA_NAMES[area] ?? area}</h3>
            <ul>
              {skills
                .filter((s) => s.area === area)
                .map((s) => (
                  <li key={s.id} data-skill-item={s.id} data-status={s.status}>
                    <Link href={`/roadmap?skill=${s.id}#skill-details`}>{s.name}</Link>{" "}
                    <span className={`skill-chip skill-status--${s.status}`}>
                      {STATUS_LABELS[s.status]}
                    </span>{" "}
                    <span className="meta">
                      {s.status === "not-assessed" ? "" : `${s.levelName} of 3`}
                      {s.prerequisites.length > 0
                        ? ` · needs ${s.prerequisites.map((p) => p.name).join(", ")}`
                        : ""}
                    </span>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </section>
    </div>
  );
}
