import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { readSaveAnswer } from "@/app/_components/studio/draft-api";
import { type DatabaseHandle, installDatabase } from "@/db/client";
import { syncFileCourses } from "@/db/queries/catalog";
import { createUser, type PublicUser } from "@/db/queries/users";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";
import { DraftSaver, type SaverSnapshot } from "@/lib/studio/draft-saver";

import { testDatabases } from "../../support/databases";
import { inRequestScope } from "../../support/next-request-scope";

const courses = await import("@/app/api/studio/courses/route");
const draftRoute = await import("@/app/api/studio/courses/[id]/draft/route");
const fileRoute = await import("@/app/api/studio/courses/[id]/draft/files/[name]/route");
const { getAuthOptions } = await import("@/lib/auth/options");
const { fileCourseRepository } = await import("@/lib/notebook/file-repository");
const { encode } = await import("next-auth/jwt");

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** Calls a route handler in-process as Next would, signed in as `user`. */
async function call(
  handler: Handler,
  params: Record<string, string>,
  user: PublicUser,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const { secret } = await getAuthOptions();
  const cookie = `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: secret! })}`;
  const request = new Request("http://localhost/api/studio", {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      host: "localhost",
      "x-forwarded-proto": "http",
      ...stampedIdentityHeaders(`autosave-${user.id}`, "http"),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      cookie,
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return inRequestScope(request, (r) =>
    handler(r, { params: Promise.resolve(params) as Promise<never> }),
  );
}

/**
 * The studio editor's autosave (DraftSaver, with the editor's reading of the answers) against
 * the real draft routes and database: what two tabs of one instructor see.
 */
describe.each(testDatabases)("studio autosave through the draft routes, on $name", (kind) => {
  let handle: DatabaseHandle;
  let owner: PublicUser;
  const course = `autosave-${kind.name.toLowerCase()}`;
  const LESSON = "01-welcome.md";

  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle);
    await syncFileCourses(handle.db, await fileCourseRepository.listCourses());
    owner = await createUser(handle.db, {
      email: `owner-${course}@example.test`,
      name: "Owner",
      passwordHash: null,
      role: "instructor",
    });
    const created = await call(courses.POST, {}, owner, {
      body: { id: course, title: "Autosave" },
    });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await handle?.close();
  });

  async function readDraft(): Promise<{ revision: number; files: Record<string, string> }> {
    return (await call(draftRoute.GET, { id: course }, owner)).json();
  }

  /** A tab with `name` open, as the page opens it: the draft's text and revision now. */
  async function openTab(name: string) {
    const draft = await readDraft();
    const snapshots: SaverSnapshot[] = [];
    const saver = new DraftSaver({
      initialText: draft.files[name] ?? "",
      initialRevision: draft.revision,
      save: async (text, baseRevision) =>
        readSaveAnswer(
          await call(fileRoute.PUT, { id: course, name }, owner, {
            method: "PUT",
            body: { text, baseRevision },
          }),
        ),
      storage: null,
      storageKey: `${course}:${name}`,
      onChange: (snapshot) => snapshots.push(snapshot),
      debounceMs: 60_000,
    });
    /** Types `text` and saves at once (as on blur); resolves when the save has answered. */
    const type = async (text: string): Promise<SaverSnapshot> => {
      saver.edit(text);
      const answered = new Promise<SaverSnapshot>((resolve) => {
        const stop = saver.subscribe(() => {
          const now = saver.snapshot();
          if (now.status !== "saving" && now.status !== "unsaved") {
            stop();
            resolve(now);
          }
        });
      });
      saver.flush();
      return answered;
    };
    return { saver, type, snapshots };
  }

  it("saves, and reports the draft's problems located in their file", async () => {
    const tab = await openTab(LESSON);
    const saved = await tab.type((await readDraft()).files[LESSON] + "\n# A level-one heading\n");
    expect(saved.status).toBe("saved");
    expect(saved.problems).toEqual([
      expect.objectContaining({
        file: LESSON,
        message: expect.stringMatching(/use ## for sections/),
      }),
    ]);
    const fixed = await tab.type(saved.text.replace("# A level-one heading", "## A section"));
    expect(fixed.problems).toEqual([]);
    expect((await readDraft()).files[LESSON]).toContain("## A section");
    tab.saver.dispose();
  });

  it("lets a tab save this file after another tab saved a different file", async () => {
    const lesson = await openTab(LESSON);
    const outline = await openTab("course.yaml");
    const course = await outline.type(
      outline.saver.snapshot().text.replace("summary: What", "summary: Then what"),
    );
    expect(course.status).toBe("saved");
    const saved = await lesson.type(lesson.saver.snapshot().text + "\nMore prose.\n");
    expect(saved.status).toBe("saved");
    lesson.saver.dispose();
    outline.saver.dispose();
  });

  it("stops on another tab's edit of this file, even after saving another file, until the author chooses", async () => {
    const mine = await openTab(LESSON);
    const quiz = await openTab("01-welcome.quiz.yaml");
    const other = await openTab(LESSON);
    const theirs = other.saver.snapshot().text + "\nFrom the other tab.\n";
    expect((await other.type(theirs)).status).toBe("saved");
    // This tab saves another file: the draft's revision moves on, this file's base must not.
    expect((await quiz.type("id: welcome-quiz\n")).status).toBe("saved");

    const conflict = await mine.type(mine.saver.snapshot().text + "\nFrom this tab.\n");
    expect(conflict.status).toBe("conflict");
    expect(conflict.theirs).toBe(theirs);
    expect((await readDraft()).files[LESSON]).toBe(theirs);

    mine.saver.keepMine();
    const kept = await new Promise<SaverSnapshot>((resolve) => {
      const stop = mine.saver.subscribe(() => {
        const now = mine.saver.snapshot();
        if (now.status === "saved") {
          stop();
          resolve(now);
        }
      });
    });
    expect((await readDraft()).files[LESSON]).toBe(kept.text);
    expect(kept.text).toContain("From this tab.");

    // The other tab is now the one behind: it takes this tab's text.
    const behind = await other.type(theirs + "\nAgain.\n");
    expect(behind.status).toBe("conflict");
    other.saver.useTheirs();
    expect(other.saver.snapshot().text).toBe(kept.text);
    for (const tab of [mine, quiz, other]) tab.saver.dispose();
  });

  it("shows the size limit when a file is too large, without retrying", async () => {
    const tab = await openTab(LESSON);
    const refused = await tab.type("x".repeat(600 * 1024));
    expect(refused.status).toBe("rejected");
    expect(refused.message).toMatch(/limited to 512 KiB \(maxFileBytes\)/);
    tab.saver.dispose();
  });
});
