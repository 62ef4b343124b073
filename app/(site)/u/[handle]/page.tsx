import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { getDatabase } from "@/db/client";
import { findPublicProfile } from "@/db/queries/roadmap";
import { pageOrigin } from "@/lib/http/page-origin";
import { learnerReport } from "@/lib/report/service";

import { PrintButton } from "../../../_components/roadmap/print-button";
import "../../../_components/roadmap/roadmap.css";

type Params = { params: Promise<{ handle: string }> };

const KIND_LABELS = {
  lesson: "Completed lesson",
  exercise: "Solved exercise",
  quiz: "Passed quiz",
};

const LEVEL_EARNED_BY: Record<number, string> = {
  1: "earned by a passed quiz",
  2: "earned by a solved exercise",
  3: "earned by applied practice",
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { handle } = await params;
  const profile = await findPublicProfile(getDatabase().db, handle);
  return { title: profile ? `${profile.name} — skill report` : "Profile not found" };
}

async function requestTime(): Promise<Date> {
  return new Date();
}

/**
 * A learner's public skill report. Exists only while its owner keeps the profile public, and
 * shows only the skills they opted in, with the evidence and dates behind each.
 */
export default async function PublicProfilePage({ params }: Params) {
  const { handle } = await params;
  const db = getDatabase().db;
  const profile = await findPublicProfile(db, handle);
  if (!profile) notFound();
  const report = await learnerReport(
    db,
    { id: profile.userId, name: profile.name },
    "",
    await requestTime(),
  );
  // Printed, the report carries the address where a reader can check it against Ketbook's own
  // records: this page exists only while its owner keeps it public.
  const profileUrl = `${await pageOrigin()}/u/${encodeURIComponent(handle)}`;
  return (
    <article className="page report">
      <p className="eyebrow">Ketbook skill report</p>
      <h1>{profile.name}</h1>
      <p className="meta">
        Evidence-backed skills in quantum machine learning, as of {report.issuedAt.slice(0, 10)}.
      </p>
      <p className="report-url">
        Check this report at <a href={profileUrl}>{profileUrl}</a>
      </p>
      <div className="report-actions">
        <PrintButton />
        <Link className="button button--small" href="/verify">
          Verify a credential
        </Link>
      </div>
      {report.skills.length === 0 ? (
        <p>No skills shown yet.</p>
      ) : (
        <section aria-label="Skills">
          {report.skills.map((skill) => (
            <div key={skill.id} className="report-skill" data-report-skill={skill.id}>
              <h3>{skill.name}</h3>
              <p className="meta">
                Level {skill.level}: {skill.levelName}
                {LEVEL_EARNED_BY[skill.level] ? `, ${LEVEL_EARNED_BY[skill.level]}` : ""}
              </p>
              <ul>
                {skill.evidence.map((e) => (
                  <li key={`${e.kind}:${e.ref}`}>
                    {KIND_LABELS[e.kind]}: {e.title}
                    {e.kind === "quiz" ? ` (${Math.round(e.score * 100)}%)` : ""} ·{" "}
                    <time dateTime={e.earnedAt}>{e.earnedAt.slice(0, 10)}</time>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </article>
  );
}
