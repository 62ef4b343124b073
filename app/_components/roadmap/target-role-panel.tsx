import Link from "next/link";

import type { LearnerRoadmap } from "@/lib/roadmap/service";

import { NextStep } from "./next-step";
import { ReadinessBar } from "./readiness-bar";
import "./roadmap.css";

/**
 * The /me panel: progress toward the learner's target role and the next step. The page passes
 * the roadmap it also builds its course cards from, so both show the same next lesson.
 */
export function TargetRolePanel({ view }: { view: LearnerRoadmap }) {
  const role = view.targetRole;
  const skillNames = new Map(view.content.skills.map((s) => [s.id, s.name]));
  return (
    <section aria-labelledby="target-role-title" className="role-card">
      <h2 id="target-role-title">Target role</h2>
      {role ? (
        <>
          <p>
            <Link href={`/careers/${role.id}`}>{role.name}</Link>
          </p>
          <ReadinessBar
            percent={view.readiness.get(role.id)!.percent}
            label={`Readiness for ${role.name}`}
          />
          <p className="meta">
            {view.readiness.get(role.id)!.missing.length} of {role.requires.length} skills still to
            reach
          </p>
        </>
      ) : (
        <p>
          No target role yet. <Link href="/careers">Pick one</Link> and your recommendations aim at
          it.
        </p>
      )}
      <NextStep recommendation={view.recommendation} skillNames={skillNames} />
      <p className="meta">
        <Link href="/roadmap">Skills roadmap</Link> ·{" "}
        <Link href="/me/settings">Skill report and public profile</Link>
      </p>
    </section>
  );
}
