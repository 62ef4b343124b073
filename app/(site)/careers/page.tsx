import type { Metadata } from "next";
import Link from "next/link";

import { getDatabase } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/guards";
import { learnerRoadmap } from "@/lib/roadmap/service";

import { ReadinessBar } from "../../_components/roadmap/readiness-bar";
import "../../_components/roadmap/roadmap.css";
import { careersErrorMessage } from "./schema";
import { TargetRoleButton } from "./target-role-button";

export const metadata: Metadata = { title: "Careers" };

async function requestTime(): Promise<Date> {
  return new Date();
}

/** Career roles in QML, with the learner's readiness for each and a target role to aim for. */
export default async function CareersPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string | string[] }>;
}) {
  const errorMessage = careersErrorMessage((await searchParams).error);
  const user = await getCurrentUser();
  const view = await learnerRoadmap(getDatabase().db, user?.id ?? null, await requestTime());
  return (
    <div className="page">
      <h1>Careers in quantum machine learning</h1>
      <p className="lead">
        The roles employers hire for, the skills each asks for, and how ready you are — computed
        from the lessons, exercises and quizzes you have completed.
      </p>
      {errorMessage && (
        <p className="notice notice--bad" role="alert">
          {errorMessage}
        </p>
      )}
      {!user && (
        <p>
          <Link href="/signin?callbackUrl=/careers">Sign in</Link> to see your readiness and pick a
          target role.
        </p>
      )}
      <ul className="role-grid">
        {view.content.roles.map((role) => {
          const readiness = view.readiness.get(role.id)!;
          const isTarget = view.targetRole?.id === role.id;
          return (
            <li key={role.id} className="role-card" data-role={role.id}>
              <h2>
                <Link href={`/careers/${role.id}`}>{role.name}</Link>
              </h2>
              {isTarget && <span className="badge">Your target role</span>}
              <p>{role.description}</p>
              <ReadinessBar percent={readiness.percent} label={`Readiness for ${role.name}`} />
              <p className="meta">
                {readiness.missing.length === 0
                  ? "Every required skill is at its level."
                  : `${readiness.missing.length} of ${role.requires.length} skills still to reach`}
              </p>
              {user && (
                <TargetRoleButton
                  roleId={role.id}
                  roleName={role.name}
                  isTarget={isTarget}
                  returnTo="/careers"
                />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
