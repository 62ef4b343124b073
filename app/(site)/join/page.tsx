import type { Metadata } from "next";

import { cohortProblemMessage } from "../../_components/cohorts/cohort-messages";
import { findByCodeAction } from "./actions";

export const metadata: Metadata = { title: "Join a cohort" };

/** Where a learner types the join code their instructor gave them. */
export default async function JoinByCodePage({
  searchParams,
}: {
  searchParams: Promise<{ problem?: string | string[] }>;
}) {
  const problem = cohortProblemMessage((await searchParams).problem);
  return (
    <div className="page">
      <h1>Join a cohort</h1>
      <p className="lead">
        Enter the code your instructor gave you. You will see who runs the cohort and what they will
        see before you join.
      </p>
      {problem && (
        <p className="notice notice--bad" role="alert">
          {problem}
        </p>
      )}
      <form action={findByCodeAction} className="stacked-form">
        <label htmlFor="join-code">Join code</label>
        <input
          id="join-code"
          name="code"
          required
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          placeholder="K7QM-2XPA"
        />
        <button type="submit" className="button button--primary">
          Continue
        </button>
      </form>
    </div>
  );
}
