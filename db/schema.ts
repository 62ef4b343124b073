import { sql } from "drizzle-orm";
import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every table in one place. Row types are inferred beside each table so queries and pages share
 * one definition.
 */

/** Courses known to the app: file-backed ones are synced from content/ at start-up. */
export const courses = pgTable("courses", {
  id: text("id").primaryKey(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  level: text("level").notNull(),
  /** "file" for content/ courses, "db" for instructor-authored ones. */
  source: text("source").notNull().default("file"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});
export type CourseRow = typeof courses.$inferSelect;

/**
 * Lesson metadata. `id` is the stable lesson id from front matter, so progress keyed by it
 * survives renames and reordering of lesson files.
 */
export const lessons = pgTable(
  "lessons",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    id: text("id").notNull(),
    slug: text("slug").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    minutes: integer("minutes").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.courseId, table.id] })],
);
export type LessonRow = typeof lessons.$inferSelect;

/**
 * Fixed-window request counters shared by every app node (a per-process counter would let a
 * client multiply its allowance by the number of nodes). One row per client key and window.
 */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);
