import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseHandle, installDatabase } from "@/db/client";
import { syncFileCourses } from "@/db/queries/catalog";
import { createUser, type PublicUser } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import { stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";

import { testDatabases } from "../../support/databases";
import { inRequestScope } from "../../support/next-request-scope";

const courses = await import("@/app/api/studio/courses/route");
const draft = await import("@/app/api/studio/courses/[id]/draft/route");
const file = await import("@/app/api/studio/courses/[id]/draft/files/[name]/route");
const preview = await import("@/app/api/studio/courses/[id]/preview/route");
const publish = await import("@/app/api/studio/courses/[id]/publish/route");
const versions = await import("@/app/api/studio/courses/[id]/versions/route");
const diff = await import("@/app/api/studio/courses/[id]/diff/route");
const rollback = await import("@/app/api/studio/courses/[id]/rollback/route");
const members = await import("@/app/api/studio/courses/[id]/members/route");
const member = await import("@/app/api/studio/courses/[id]/members/[userId]/route");
const { getAuthOptions } = await import("@/lib/auth/options");
const { fileCourseRepository } = await import("@/lib/notebook/file-repository");
const { courseRepository, getLessonChecks } = await import("@/lib/courses/repository");
const { encode } = await import("next-auth/jwt");

type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

async function sessionCookie(user: PublicUser | undefined): Promise<string | undefined> {
  if (!user) return undefined;
  const { secret } = await getAuthOptions();
  return `next-auth.session-token=${await encode({ token: { sub: user.id }, secret: secret! })}`;
}

/** Calls a route handler in-process as Next would, as `user` (a guest when undefined). */
async function call(
  handler: Handler,
  params: Record<string, string>,
  user: PublicUser | undefined,
  init: { method?: string; body?: unknown; query?: string } = {},
): Promise<Response> {
  const cookie = await sessionCookie(user);
  const request = new Request(`http://localhost/api/studio${init.query ?? ""}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      host: "localhost",
      "x-forwarded-proto": "http",
      ...stampedIdentityHeaders(`studio-${user?.id ?? "guest"}`, "http"),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
      ...(cookie ? { cookie } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return inRequestScope(request, (r) =>
    handler(r, { params: Promise.resolve(params) as Promise<never> }),
  );
}

const LESSON = "01-welcome.md";

describe.each(testDatabases)("studio routes, on $name", (kind) => {
  let handle: DatabaseHandle;
  const people: Record<string, PublicUser> = {};
  const course = `studio-${kind.name.toLowerCase()}-course`;
  const add = (name: string, role: UserRole) =>
    createUser(handle.db, {
      email: `${name}-${course}@example.test`,
      name,
      passwordHash: null,
      role,
    }).then((user) => (people[name] = user));

  beforeAll(async () => {
    handle = await kind.create();
    installDatabase(handle);
    await syncFileCourses(handle.db, await fileCourseRepository.listCourses());
    await add("owner", "instructor");
    await add("co", "instructor");
    await add("stranger", "instructor");
    await add("learner", "learner");
    await add("admin", "admin");
  });
  afterAll(async () => {
    await handle?.close();
  });

  it("lets instructors start a course, and no one else; ids are unique across content/", async () => {
    const body = { id: course, title: "Kernels by hand" };
    expect((await call(courses.POST, {}, undefined, { body })).status).toBe(401);
    expect((await call(courses.POST, {}, people.learner, { body })).status).toBe(403);
    expect((await call(courses.POST, {}, people.owner, { body })).status).toBe(201);
    expect((await call(courses.POST, {}, people.stranger, { body })).status).toBe(409);
    const builtIn = await call(courses.POST, {}, people.owner, {
      body: { id: "qml-foundations", title: "Mine now" },
    });
    expect(builtIn.status).toBe(409);
    const bad = await call(courses.POST, {}, people.owner, {
      body: { id: "Not Kebab", title: "x" },
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^id: must be kebab-case/);
  });

  it("answers every course route 401 to guests, 403 to learners and 404 to other instructors", async () => {
    const id = { id: course };
    const routes: [string, Handler, Record<string, string>, { method?: string; body?: unknown }][] =
      [
        ["draft", draft.GET, id, {}],
        [
          "save",
          file.PUT,
          { ...id, name: LESSON },
          { method: "PUT", body: { text: "x", baseRevision: 1 } },
        ],
        [
          "delete",
          file.DELETE,
          { ...id, name: LESSON },
          { method: "DELETE", body: { baseRevision: 1 } },
        ],
        ["preview", preview.POST, id, { body: { name: LESSON, text: "x" } }],
        ["publish", publish.POST, id, { body: {} }],
        ["versions", versions.GET, id, {}],
        ["diff", diff.GET, id, {}],
        ["rollback", rollback.POST, id, { body: { version: 1 } }],
        ["members", members.GET, id, {}],
        ["add member", members.POST, id, { body: { email: "x@example.test" } }],
        ["remove member", member.DELETE, { ...id, userId: "x" }, { method: "DELETE" }],
      ];
    for (const [name, handler, params, init] of routes) {
      const statuses = [];
      for (const who of [undefined, people.learner, people.stranger]) {
        statuses.push((await call(handler, params, who, init)).status);
      }
      expect([name, ...statuses]).toEqual([name, 401, 403, 404]);
    }
    // Nothing those requests sent reached the draft.
    const owner = await (await call(draft.GET, id, people.owner)).json();
    expect(owner.files[LESSON]).toContain("title: Welcome");
    expect(owner.revision).toBe(1);
  });

  it("gives co-instructors and admins the course; only the owner or an admin manages members", async () => {
    const id = { id: course };
    expect((await call(draft.GET, id, people.co)).status).toBe(404);
    const learnerAsMember = await call(members.POST, id, people.owner, {
      body: { email: people.learner.email },
    });
    expect(learnerAsMember.status).toBe(422);
    expect((await learnerAsMember.json()).error.message).toMatch(/not an instructor/);
    const added = await call(members.POST, id, people.owner, { body: { email: people.co.email } });
    expect(added.status).toBe(200);
    expect((await added.json()).members.map((m: PublicUser) => m.name)).toEqual(["co"]);
    expect((await call(draft.GET, id, people.co)).status).toBe(200);
    expect((await call(draft.GET, id, people.admin)).status).toBe(200);
    const coAdds = await call(members.POST, id, people.co, {
      body: { email: people.stranger.email },
    });
    expect(coAdds.status).toBe(403);
    const coRemoves = await call(member.DELETE, { ...id, userId: people.co.id }, people.co, {
      method: "DELETE",
    });
    expect(coRemoves.status).toBe(403);
  });

  it("autosaves file by file: a stale save of the same file is a 409 with the stored text, other files save", async () => {
    const id = { id: course };
    const { revision, files } = await (await call(draft.GET, id, people.owner)).json();
    const edited = files[LESSON].replace("title: Welcome", "title: Welcome aboard");
    const first = await call(file.PUT, { ...id, name: LESSON }, people.owner, {
      method: "PUT",
      body: { text: edited, baseRevision: revision },
    });
    expect(first.status).toBe(200);
    const saved = await first.json();
    expect(saved).toEqual({ revision: revision + 1, problems: [] });

    // A second tab, opened before that save, writes the same file: refused with what is stored.
    const stale = await call(file.PUT, { ...id, name: LESSON }, people.co, {
      method: "PUT",
      body: { text: "lost?", baseRevision: revision },
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ text: edited, revision: revision + 1 });
    // …while a save to another file from that tab goes through.
    const notes = await call(file.PUT, { ...id, name: "notes.txt" }, people.co, {
      method: "PUT",
      body: { text: "for the team", baseRevision: revision },
    });
    expect(notes.status).toBe(200);
    const current = await (await call(draft.GET, id, people.owner)).json();
    expect(current.files[LESSON]).toBe(edited);
    expect(current.files["notes.txt"]).toBe("for the team");

    const badName = await call(file.PUT, { ...id, name: "../course.yaml" }, people.owner, {
      method: "PUT",
      body: { text: "x", baseRevision: current.revision },
    });
    expect(badName.status).toBe(400);
    expect((await badName.json()).error.message).toMatch(/not a course file name/);
    const huge = await call(file.PUT, { ...id, name: "big.md" }, people.owner, {
      method: "PUT",
      body: { text: "x".repeat(600 * 1024), baseRevision: current.revision },
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toMatch(/maxFileBytes/);
  });

  it("locates problems, refuses to publish a broken draft, publishes a fixed one to learners, diffs and rolls back", async () => {
    const id = { id: course };
    const opened = await (await call(draft.GET, id, people.owner)).json();
    let revision: number = opened.revision;
    const good = opened.files[LESSON] as string;
    const broken = good.replace("minutes: 5", "minutes: lots");
    const save = async (text: string) => {
      const response = await call(file.PUT, { ...id, name: LESSON }, people.owner, {
        method: "PUT",
        body: { text, baseRevision: revision },
      });
      const body = await response.json();
      revision = body.revision;
      return body;
    };
    const withProblem = await save(broken);
    expect(withProblem.problems).toHaveLength(1);
    expect(withProblem.problems[0]).toMatchObject({ file: LESSON, line: 5 });
    expect(withProblem.problems[0].message).toMatch(/minutes/);

    const previewed = await (
      await call(preview.POST, id, people.owner, { body: { name: LESSON, text: broken } })
    ).json();
    expect(previewed).toMatchObject({ ok: false, problems: [{ file: LESSON, line: 5 }] });
    const refused = await call(publish.POST, id, people.owner, { body: { note: "too soon" } });
    expect(refused.status).toBe(422);
    expect(await courseRepository.getCourse(course)).toBeUndefined();

    await save(good);
    const published = await call(publish.POST, id, people.owner, { body: { note: "first" } });
    expect(await published.json()).toEqual({ version: 1 });
    const live = await courseRepository.getLesson(course, "welcome");
    expect(live?.meta.title).toBe("Welcome aboard");
    expect(live?.blocks.some((b) => b.kind === "code" && b.id === `${course}-first-circuit`)).toBe(
      true,
    );
    expect((await courseRepository.listCourses()).map((c) => c.id)).toContain(course);
    expect(await getLessonChecks(course, `${course}-welcome`)).toMatchObject({ exercises: [] });

    // Edits stay in the draft until published again.
    await save(good.replace("title: Welcome aboard", "title: Hello"));
    expect((await courseRepository.getLesson(course, "welcome"))?.meta.title).toBe(
      "Welcome aboard",
    );
    const pending = await (
      await call(diff.GET, id, people.owner, { query: "?from=1&to=draft" })
    ).json();
    expect(pending.files).toHaveLength(1);
    expect(pending.files[0].lines.filter((l: { kind: string }) => l.kind !== "same")).toEqual([
      { kind: "removed", text: "title: Welcome aboard", oldLine: 3 },
      { kind: "added", text: "title: Hello", newLine: 3 },
    ]);
    expect(await (await call(publish.POST, id, people.co, { body: {} })).json()).toEqual({
      version: 2,
    });
    expect((await courseRepository.getLesson(course, "welcome"))?.meta.title).toBe("Hello");

    const back = await call(rollback.POST, id, people.owner, { body: { version: 1 } });
    expect(await back.json()).toEqual({ version: 3 });
    expect((await courseRepository.getLesson(course, "welcome"))?.meta.title).toBe(
      "Welcome aboard",
    );
    const restored = await (await call(draft.GET, id, people.owner)).json();
    expect(restored.files[LESSON]).toBe(good);
    const history = await (await call(versions.GET, id, people.owner)).json();
    expect(
      history.versions.map((v: { version: number; note: string }) => [v.version, v.note]),
    ).toEqual([
      [3, "Rolled back to version 1"],
      [2, ""],
      [1, "first"],
    ]);
    expect((await call(rollback.POST, id, people.owner, { body: { version: 9 } })).status).toBe(
      404,
    );
    expect((await call(diff.GET, id, people.owner, { query: "?from=9" })).status).toBe(404);
  });
});
