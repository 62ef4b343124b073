import path from "node:path";

import { readDraft, readVersion } from "@/db/queries/studio-courses";
import { errorResponse } from "@/lib/http/json-body";
import { handle } from "@/lib/http/route-errors";
import { contentRoot, fileCourseRepository } from "@/lib/notebook/file-repository";
import { writeCourseArchive } from "@/lib/studio/course-archive";
import { readCourseDirectory } from "@/lib/studio/course-tree";
import { editableCourseOr404, requireStudioUser } from "@/lib/studio/route-access";

import type { CourseParams } from "../params";

function zipResponse(bytes: Uint8Array, name: string): Response {
  return new Response(bytes as BodyInit, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${name}.zip"`,
      "cache-control": "no-store",
    },
  });
}

/**
 * GET /api/studio/courses/<id>/archive[?version=N] — the course as a zip of its folder in the
 * content/ format (the draft, or a published version), ready to unzip into content/courses/.
 * A course of content/ itself can be downloaded by any instructor, to start from it.
 */
export const GET = handle(async (request: Request, { params }: CourseParams) => {
  const { id } = await params;
  const builtIn = await fileCourseRepository.getCourse(id);
  if (builtIn) {
    await requireStudioUser();
    const dir = path.dirname(builtIn.lessons[0].file);
    const tree = await readCourseDirectory(path.join(contentRoot(), dir));
    return zipResponse(writeCourseArchive(tree, path.basename(dir)), id);
  }
  const found = await editableCourseOr404(id);
  if (found instanceof Response) return found;
  const version = new URL(request.url).searchParams.get("version");
  const files =
    version === null || version === "draft"
      ? (await readDraft(found.db, found.course.id))?.files
      : /^[1-9]\d{0,8}$/.test(version)
        ? await readVersion(found.db, found.course.id, Number(version))
        : undefined;
  if (!files) return errorResponse(404, { message: `There is no version ${version}.` });
  const name = version && version !== "draft" ? `${id}-v${version}` : id;
  return zipResponse(writeCourseArchive(new Map(Object.entries(files)), id), name);
});
