import { getDatabase } from "@/db/client";
import { requireUser } from "@/lib/auth/guards";
import { findTaughtCohort } from "@/lib/cohorts/cohort-forms";
import { gradebookCsv } from "@/lib/cohorts/gradebook-csv";
import { cohortInsights, courseItems } from "@/lib/cohorts/insights";
import { errorResponse } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";

/**
 * GET /studio/cohorts/<id>/gradebook — the cohort's gradebook as a CSV download, for the
 * instructor who runs the cohort (and admins); 401 for guests, 404 for anyone else.
 */
export const GET = handle(
  async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
    const user = await requireUser();
    const { id } = await params;
    const db = getDatabase().db;
    const cohort = await findTaughtCohort(db, user, id);
    if (!cohort) return errorResponse(404, { message: "No cohort of yours has that id." });
    const items = await courseItems(cohort.courseId);
    if (!items) return errorResponse(404, { message: "The cohort's course no longer exists." });
    const { gradebook } = await cohortInsights(db, cohort, items);
    const slug = cohort.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return new Response(gradebookCsv(gradebook), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="gradebook-${slug || "cohort"}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
);
