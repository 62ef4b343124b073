import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { listIssuedCredentials } from "@/db/queries/credentials";
import { getCurrentUser } from "@/lib/auth/guards";
import { earnedSkillLevels } from "@/lib/report/earned-levels";
import { learnerRoadmap } from "@/lib/roadmap/service";
import { LEVEL_NAMES } from "@/lib/roadmap/types";

import "../../../_components/roadmap/roadmap.css";
import { STATUS_LABELS } from "../../../_components/roadmap/status";
import { saveProfileAction } from "./actions";
import { CredentialsPanel } from "./credentials-panel";
import { settingsErrorMessage } from "./messages";

export const metadata: Metadata = { title: "Skill report settings" };

async function requestTime(): Promise<Date> {
  return new Date();
}

/**
 * The learner's skill report: which skills it shows, whether the public profile is on (off by
 * default), and the exports. Only skills with evidence can be shown.
 */
export default async function ProfileSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ saved?: string | string[]; error?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/me/settings");
  const db = getDatabase().db;
  const now = await requestTime();
  const [view, issued, earned] = await Promise.all([
    learnerRoadmap(db, user.id, now),
    listIssuedCredentials(db, user.id),
    earnedSkillLevels(db, user.id),
  ]);
  const { profile } = view;
  const { saved, error: errorCode } = await searchParams;
  // Only messages of our own, chosen by code: the URL is anyone's to write.
  const error = settingsErrorMessage(errorCode);
  const shown = new Set(profile.shownSkills);
  const withEvidence = view.content.skills.filter((s) => view.mastery.get(s.id)!.level > 0);

  return (
    <div className="page">
      <h1>Skill report and public profile</h1>
      <p className="lead">
        Show employers what you can do: pick the skills to include, then share your public page or a
        an Open Badges credential anyone can check at <Link href="/verify">/verify</Link>.
      </p>
      {saved && (
        <p className="notice notice--ok" role="status">
          Saved.
        </p>
      )}
      {error && (
        <p className="notice notice--bad" role="alert">
          {error}
        </p>
      )}
      <form action={saveProfileAction} className="settings-form">
        <label htmlFor="handle">
          Public handle <span className="meta">(your page is /u/handle)</span>
        </label>
        <input id="handle" name="handle" type="text" defaultValue={profile.handle ?? ""} />
        <label>
          <input type="checkbox" name="isPublic" defaultChecked={profile.isPublic} /> Make my skill
          report public
        </label>
        <fieldset>
          <legend>Skills to show</legend>
          {withEvidence.length === 0 ? (
            <p>
              No evidence yet. Pass a quiz or solve an exercise, and each skill it exercises appears
              here.
            </p>
          ) : (
            withEvidence.map((s) => {
              const m = view.mastery.get(s.id)!;
              return (
                <label key={s.id}>
                  <input
                    type="checkbox"
                    name="shownSkills"
                    value={s.id}
                    defaultChecked={shown.has(s.id)}
                  />
                  {s.name}{" "}
                  <span className="meta">
                    {STATUS_LABELS[m.status]} · level {m.level}: {LEVEL_NAMES[m.level]}
                  </span>
                </label>
              );
            })
          )}
        </fieldset>
        <div>
          <button type="submit" className="button button--primary">
            Save profile
          </button>
        </div>
      </form>

      <CredentialsPanel
        canIssue={earned.length > 0}
        issued={issued.map((c) => ({
          id: c.id,
          skillLevels: c.skillLevels,
          issuedAt: c.issuedAt.toISOString(),
          revokedAt: c.revokedAt?.toISOString() ?? null,
        }))}
      />

      <h2>Public profile</h2>
      <ul>
        {profile.isPublic && profile.handle ? (
          <li>
            <Link href={`/u/${profile.handle}`}>My public profile (printable)</Link>
          </li>
        ) : (
          <li>Your public profile is off: only you can see your skills.</li>
        )}
      </ul>
    </div>
  );
}
