import "server-only";

import { and, asc, desc, eq, exists, inArray, isNotNull, or, sql } from "drizzle-orm";

import type { Database } from "../client";
import {
  courses,
  studioCourseMembers,
  studioCourses,
  type StudioCourseRow,
  studioCourseVersions,
  studioDraftFiles,
  users,
} from "../schema";
import { type CatalogCourse, syncCatalogCourse } from "./catalog";

/**
 * The studio's storage: a course's draft files (edited one file at a time, with per-file
 * conflict detection), its immutable published versions, and who may edit it. What the files
 * mean is lib's business (lib/studio); this module only stores what it is given.
 */

export type CourseFiles = Readonly<Record<string, string>>;

export interface StudioDraft {
  readonly revision: number;
  readonly files: CourseFiles;
  readonly updatedAt: Date;
}

export interface StudioVersion {
  readonly version: number;
  readonly note: string;
  readonly createdAt: Date;
  readonly createdBy: string | null;
}

/** The id is taken by another studio course or by a course in content/. */
export class CourseIdTakenError extends Error {
  constructor(id: string) {
    super(`A course with the id "${id}" already exists: choose another id.`);
    this.name = "CourseIdTakenError";
  }
}

export async function createStudioCourse(
  db: Database,
  input: { id: string; title: string; ownerId: string; files: CourseFiles },
): Promise<StudioCourseRow> {
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: courses.id })
      .from(courses)
      .where(eq(courses.id, input.id));
    if (clash) throw new CourseIdTakenError(input.id);
    const [row] = await tx
      .insert(studioCourses)
      .values({ id: input.id, title: input.title, ownerId: input.ownerId, draftRevision: 1 })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new CourseIdTakenError(input.id);
    const names = Object.keys(input.files);
    if (names.length) {
      await tx.insert(studioDraftFiles).values(
        names.map((name) => ({
          courseId: input.id,
          name,
          text: input.files[name],
          revision: 1,
          updatedBy: input.ownerId,
        })),
      );
    }
    return row;
  });
}

export async function findStudioCourse(
  db: Database,
  id: string,
): Promise<StudioCourseRow | undefined> {
  if (id.length > 100) return undefined;
  const [row] = await db.select().from(studioCourses).where(eq(studioCourses.id, id));
  return row;
}

/** Whether the user is the course's owner or one of its co-instructors (admins are lib's rule). */
export async function teachesStudioCourse(
  db: Database,
  course: StudioCourseRow,
  userId: string,
): Promise<boolean> {
  if (course.ownerId === userId) return true;
  const [member] = await db
    .select({ userId: studioCourseMembers.userId })
    .from(studioCourseMembers)
    .where(
      and(eq(studioCourseMembers.courseId, course.id), eq(studioCourseMembers.userId, userId)),
    );
  return member !== undefined;
}

/** The courses a user owns or co-teaches, or every studio course for `all` (admins). */
export async function listStudioCourses(
  db: Database,
  userId: string,
  all = false,
): Promise<StudioCourseRow[]> {
  const member = db
    .select({ one: sql`1` })
    .from(studioCourseMembers)
    .where(
      and(
        eq(studioCourseMembers.courseId, studioCourses.id),
        eq(studioCourseMembers.userId, userId),
      ),
    );
  return db
    .select()
    .from(studioCourses)
    .where(all ? undefined : or(eq(studioCourses.ownerId, userId), exists(member)))
    .orderBy(desc(studioCourses.draftUpdatedAt));
}

export async function readDraft(db: Database, courseId: string): Promise<StudioDraft | undefined> {
  const [course] = await db
    .select({ revision: studioCourses.draftRevision, updatedAt: studioCourses.draftUpdatedAt })
    .from(studioCourses)
    .where(eq(studioCourses.id, courseId));
  if (!course) return undefined;
  const rows = await db
    .select({ name: studioDraftFiles.name, text: studioDraftFiles.text })
    .from(studioDraftFiles)
    .where(and(eq(studioDraftFiles.courseId, courseId), isNotNull(studioDraftFiles.text)))
    .orderBy(asc(studioDraftFiles.name));
  return {
    revision: course.revision,
    updatedAt: course.updatedAt,
    files: Object.fromEntries(rows.map((r) => [r.name, r.text as string])),
  };
}

export type SaveOutcome =
  | { readonly ok: true; readonly revision: number }
  | {
      readonly ok: false;
      readonly reason: "conflict";
      readonly revision: number;
      readonly text: string | null;
    }
  | { readonly ok: false; readonly reason: "too-many-files"; readonly limit: number }
  | { readonly ok: false; readonly reason: "no-course" };

/**
 * Saves one draft file (`text` null deletes it). Refused as a conflict when the file was saved
 * after `baseRevision`, the draft revision the saver last saw: another tab or co-instructor
 * changed this very file since. Rows are locked in course order, so concurrent saves queue.
 */
export async function saveDraftFile(
  db: Database,
  input: {
    courseId: string;
    name: string;
    text: string | null;
    baseRevision: number;
    userId: string;
    maxFiles: number;
    title?: string;
  },
): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    const [course] = await tx
      .select({ revision: studioCourses.draftRevision })
      .from(studioCourses)
      .where(eq(studioCourses.id, input.courseId))
      .for("update");
    if (!course) return { ok: false, reason: "no-course" } as const;
    const [file] = await tx
      .select({ revision: studioDraftFiles.revision, text: studioDraftFiles.text })
      .from(studioDraftFiles)
      .where(
        and(eq(studioDraftFiles.courseId, input.courseId), eq(studioDraftFiles.name, input.name)),
      );
    if (file && file.revision > input.baseRevision) {
      return { ok: false, reason: "conflict", revision: course.revision, text: file.text } as const;
    }
    if (input.text !== null && (!file || file.text === null)) {
      const [{ count }] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(studioDraftFiles)
        .where(
          and(eq(studioDraftFiles.courseId, input.courseId), isNotNull(studioDraftFiles.text)),
        );
      if (count >= input.maxFiles)
        return { ok: false, reason: "too-many-files", limit: input.maxFiles } as const;
    }
    const revision = course.revision + 1;
    await tx
      .update(studioCourses)
      .set({
        draftRevision: revision,
        draftUpdatedAt: sql`now()`,
        ...(input.title === undefined ? {} : { title: input.title }),
      })
      .where(eq(studioCourses.id, input.courseId));
    await writeDraftFile(tx as unknown as Database, { ...input, revision });
    return { ok: true, revision } as const;
  });
}

/** Stores one file's text (null: deleted) at `revision`, inside the caller's transaction. */
async function writeDraftFile(
  tx: Database,
  file: { courseId: string; name: string; text: string | null; revision: number; userId: string },
): Promise<void> {
  const values = {
    text: file.text,
    revision: file.revision,
    updatedBy: file.userId,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(studioDraftFiles)
    .values({ courseId: file.courseId, name: file.name, ...values })
    .onConflictDoUpdate({
      target: [studioDraftFiles.courseId, studioDraftFiles.name],
      set: values,
    });
}

/**
 * Replaces the whole draft (a rollback, an imported zip): files not in `files` are deleted.
 * One revision for the whole change, so any tab still editing the old text gets a conflict.
 */
export async function replaceDraft(
  db: Database,
  input: { courseId: string; files: CourseFiles; userId: string; title: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [course] = await tx
      .select({ revision: studioCourses.draftRevision })
      .from(studioCourses)
      .where(eq(studioCourses.id, input.courseId))
      .for("update");
    if (!course) throw new Error(`no studio course ${input.courseId}`);
    const revision = course.revision + 1;
    await tx
      .update(studioCourses)
      .set({ draftRevision: revision, draftUpdatedAt: sql`now()`, title: input.title })
      .where(eq(studioCourses.id, input.courseId));
    const existing = await tx
      .select({ name: studioDraftFiles.name, text: studioDraftFiles.text })
      .from(studioDraftFiles)
      .where(eq(studioDraftFiles.courseId, input.courseId));
    const wanted = new Map(Object.entries(input.files));
    for (const row of existing) {
      if (!wanted.has(row.name) && row.text !== null) wanted.set(row.name, null as never);
    }
    for (const [name, text] of wanted) {
      const previous = existing.find((r) => r.name === name);
      if (previous && previous.text === text) continue;
      await writeDraftFile(tx as unknown as Database, {
        courseId: input.courseId,
        name,
        text: text as string | null,
        revision,
        userId: input.userId,
      });
    }
    return revision;
  });
}

/**
 * Publishes `files` (the validated draft) as the next version and makes it the one learners
 * see; the catalog row and lesson rows are updated in the same transaction, so progress rows
 * keyed by stable lesson ids keep pointing at the course.
 */
export async function publishVersion(
  db: Database,
  input: {
    courseId: string;
    files: CourseFiles;
    note: string;
    userId: string;
    catalog: CatalogCourse;
  },
): Promise<number> {
  return db.transaction(async (tx) => {
    const [course] = await tx
      .select({ id: studioCourses.id })
      .from(studioCourses)
      .where(eq(studioCourses.id, input.courseId))
      .for("update");
    if (!course) throw new Error(`no studio course ${input.courseId}`);
    const [{ latest }] = await tx
      .select({ latest: sql<number>`coalesce(max(${studioCourseVersions.version}), 0)::int` })
      .from(studioCourseVersions)
      .where(eq(studioCourseVersions.courseId, input.courseId));
    const version = latest + 1;
    await tx.insert(studioCourseVersions).values({
      courseId: input.courseId,
      version,
      files: { ...input.files },
      note: input.note,
      createdBy: input.userId,
    });
    await tx
      .update(studioCourses)
      .set({ publishedVersion: version, title: input.catalog.title })
      .where(eq(studioCourses.id, input.courseId));
    await syncCatalogCourse(tx as unknown as Database, input.catalog, "db");
    return version;
  });
}

export async function listVersions(db: Database, courseId: string): Promise<StudioVersion[]> {
  return db
    .select({
      version: studioCourseVersions.version,
      note: studioCourseVersions.note,
      createdAt: studioCourseVersions.createdAt,
      createdBy: users.name,
    })
    .from(studioCourseVersions)
    .leftJoin(users, eq(users.id, studioCourseVersions.createdBy))
    .where(eq(studioCourseVersions.courseId, courseId))
    .orderBy(desc(studioCourseVersions.version));
}

export async function readVersion(
  db: Database,
  courseId: string,
  version: number,
): Promise<CourseFiles | undefined> {
  const [row] = await db
    .select({ files: studioCourseVersions.files })
    .from(studioCourseVersions)
    .where(
      and(eq(studioCourseVersions.courseId, courseId), eq(studioCourseVersions.version, version)),
    );
  return row?.files;
}

/** Published studio courses: id and the version learners see. One cheap query per request. */
export async function listPublishedStudioCourses(
  db: Database,
): Promise<{ id: string; version: number }[]> {
  const rows = await db
    .select({ id: studioCourses.id, version: studioCourses.publishedVersion })
    .from(studioCourses)
    .where(isNotNull(studioCourses.publishedVersion))
    .orderBy(asc(studioCourses.title));
  return rows.map((r) => ({ id: r.id, version: r.version as number }));
}

export async function listCourseMembers(
  db: Database,
  courseId: string,
): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(studioCourseMembers)
    .innerJoin(users, eq(users.id, studioCourseMembers.userId))
    .where(eq(studioCourseMembers.courseId, courseId))
    .orderBy(asc(users.name));
}

export async function addCourseMember(
  db: Database,
  courseId: string,
  userId: string,
): Promise<void> {
  await db.insert(studioCourseMembers).values({ courseId, userId }).onConflictDoNothing();
}

export async function removeCourseMember(
  db: Database,
  courseId: string,
  userIds: readonly string[],
): Promise<void> {
  if (!userIds.length) return;
  await db
    .delete(studioCourseMembers)
    .where(
      and(
        eq(studioCourseMembers.courseId, courseId),
        inArray(studioCourseMembers.userId, [...userIds]),
      ),
    );
}

/** The title lists show, taken from the draft's course.yaml whenever it loads. */
export async function setStudioCourseTitle(db: Database, id: string, title: string): Promise<void> {
  await db.update(studioCourses).set({ title }).where(eq(studioCourses.id, id));
}
