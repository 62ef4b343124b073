import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { getDatabase } from "@/db/client";
import { countUsers, searchUsers } from "@/db/queries/users";
import { USER_ROLES } from "@/db/schema";
import { getCurrentUser } from "@/lib/auth/guards";

import { changeRoleAction } from "./actions";
import "./admin.css";
import { ROLE_CHANGE_MESSAGES, roleChangeOutcome } from "./messages";

export const metadata: Metadata = { title: "Admin" };

/** Users listed per search; more than this asks for a narrower search. */
const PAGE_SIZE = 50;

const dayFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * Admins find users and change their roles here, so making someone an instructor needs neither
 * the command line nor a restart (roles are read from the database on every request).
 */
export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; done?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  // Everyone else gets a 404, not a hint that the page exists.
  if (user.role !== "admin") notFound();

  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const outcome = roleChangeOutcome(params.done);
  const db = getDatabase().db;
  const [found, total] = await Promise.all([searchUsers(db, query, PAGE_SIZE + 1), countUsers(db)]);
  const shown = found.slice(0, PAGE_SIZE);

  return (
    <div className="page">
      <h1>Admin</h1>
      <p className="lead">
        Find people and change their roles. Instructors reach the studio; admins also reach this
        page. {total} account{total === 1 ? "" : "s"} in all.
      </p>
      {outcome && (
        <p
          className={`notice ${outcome === "changed" ? "notice--ok" : "notice--bad"}`}
          role={outcome === "changed" ? "status" : "alert"}
        >
          {ROLE_CHANGE_MESSAGES[outcome]}
        </p>
      )}
      <form role="search" action="/admin" className="admin-search">
        <label htmlFor="admin-q">Email or name</label>
        <input id="admin-q" name="q" type="search" defaultValue={query} maxLength={200} />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      {shown.length === 0 ? (
        <p>
          {query
            ? `No account's email or name contains “${query}”. Check the spelling, or search for part of it.`
            : "No accounts yet."}
        </p>
      ) : (
        <table className="data-table">
          <caption>
            {query ? `Accounts matching “${query}”` : "Accounts"}
            {found.length > PAGE_SIZE
              ? ` (the first ${PAGE_SIZE}, by email: search to narrow them)`
              : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Joined</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>{dayFormat.format(u.createdAt)}</td>
                <td>
                  {u.id === user.id ? (
                    <span>
                      {u.role} <span className="meta">(you)</span>
                    </span>
                  ) : (
                    <form action={changeRoleAction} className="admin-role">
                      <input type="hidden" name="userId" value={u.id} />
                      <input type="hidden" name="q" value={query} />
                      <select name="role" defaultValue={u.role} aria-label={`Role of ${u.name}`}>
                        {USER_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--small">
                        Change role<span className="visually-hidden"> of {u.name}</span>
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
