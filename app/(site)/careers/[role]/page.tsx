import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { getRoadmapContent, learnerRoadmap, recommendFor } from "@/lib/roadmap/service";
import { LEVEL_NAMES } from "@/lib/roadmap/types";

import { NextStep } from "../../../_components/roadmap/next-step";
import { ReadinessBar } from "../../../_components/roadmap/readiness-bar";
import { STATUS_LABELS } from "../../../_components/roadmap/status";
import "../../../_components/roadmap/roadmap.css";
import { TargetRoleButton } from "../target-role-button";

type Params = { params: Promise<{ role: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { role } = await params;
  const found = (await getRoadmapContent()).roles.find((r) => r.id === role);
  return { title: found ? found.name : "Role not found" };
}

async function requestTime(): Promise<Date> {
  return new Date();
}

/** One role: what the work is, the skills it asks for, what is missing and the next step. */
export default async function RolePage({ params }: Params) {
  const { role: roleId } = await params;
  const user = await getCurrentUser();
  const view = await learnerRoadmap(getDatabase().db, user?.id ?? null, await requestTime());
  const role = view.content.roles.find((r) => r.id === roleId);
  if (!role) notFound();
  const readiness = view.readiness.get(role.id)!;
  const missing = new Set(readiness.missing.map((m) => m.skillId));
  const skillNames = new Map(view.content.skills.map((s) => [s.id, s.name]));
  const isTarget = view.targetRole?.id === role.id;

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link href="/careers">Careers</Link>
      </p>
      <h1>{role.name}</h1>
      <p className="lead">{role.description}</p>
      <h2>Typical work</h2>
      <ul>
        {role.work.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>

      <h2>Your readiness</h2>
      <ReadinessBar percent={readiness.percent} label={`Readiness for ${role.name}`} />
      <p className="meta">
        Counts only what your evidence shows: each required skill counts for the levels you have
        earned toward it, and a skill Ketbook does not assess counts for nothing here.
      </p>
      {user ? (
        <TargetRoleButton
          roleId={role.id}
          roleName={role.name}
          isTarget={isTarget}
          returnTo={`/careers/${role.id}`}
        />
      ) : (
        <p>
          <Link href={`/signin?callbackUrl=/careers/${role.id}`}>Sign in</Link> to track your
          readiness.
        </p>
      )}
      <NextStep recommendation={recommendFor(view, role)} skillNames={skillNames} />

      <h2>Skills this role asks for</h2>
      <table className="requirements">
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Level needed</th>
            <th scope="col">Your level</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {role.requires.map(({ skillId, level }) => {
            const m = view.mastery.get(skillId)!;
            return (
              <tr key={skillId} data-requirement={skillId}>
                <td>
                  <Link href={`/roadmap?skill=${skillId}#skill-details`}>
                    {skillNames.get(skillId)}
                  </Link>
                </td>
                <td>
                  {LEVEL_NAMES[level]} (level {level})
                </td>
                <td>
                  {m.assessed ? `${LEVEL_NAMES[m.level]} (level ${m.level})` : "Not assessed here"}
                </td>
                <td>{missing.has(skillId) ? "Missing" : "Met"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>What is missing</h2>
      {readiness.missing.length === 0 ? (
        <p>Nothing: you meet every requirement of this role.</p>
      ) : (
        <ul>
          {readiness.missing.map((m) => {
            const skill = view.content.skills.find((s) => s.id === m.skillId)!;
            const lessons = view.content.learn.get(m.skillId) ?? [];
            return (
              <li key={m.skillId} data-missing={m.skillId}>
                {skill.name}: reach {LEVEL_NAMES[m.required]} (level {m.required}; now{" "}
                {STATUS_LABELS[view.mastery.get(m.skillId)!.status].toLowerCase()}, level {m.level}
                ).{" "}
                {skill.elsewhere !== undefined ? (
                  <>Not assessed here: {skill.elsewhere}</>
                ) : !m.assessableHere ? (
                  <>
                    No Ketbook exercise evidences this level yet: practise it beyond Ketbook (start
                    from <LessonLinks lessons={lessons} />
                    ).
                  </>
                ) : (
                  <>
                    Learn it in <LessonLinks lessons={lessons} />.
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Lessons as a comma-separated list of links. */
function LessonLinks({ lessons }: { lessons: readonly { href: string; title: string }[] }) {
  return lessons.map((l, i) => (
    <span key={l.href}>
      {i > 0 ? ", " : ""}
      <Link href={l.href}>{l.title}</Link>
    </span>
  ));
}
