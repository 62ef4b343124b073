import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

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

/** Deployment-wide secrets generated on first start (e.g. the session signing key), so every
 * node signs and verifies with the same key without an env file. */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const USER_ROLES = ["learner", "instructor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = pgTable(
  "users",
  {
    id: text("id").primaryKey(),
    /** Stored lower-cased; unique. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id hash; null for users who only sign in with GitHub. */
    passwordHash: text("password_hash"),
    role: text("role").$type<UserRole>().notNull().default("learner"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("users_email_unique").on(table.email)],
);
export type UserRow = typeof users.$inferSelect;

/** The learner a row belongs to; their rows go when the account is deleted. */
const ownerId = () =>
  text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/** Sign-in methods linked to a user other than email + password (GitHub). */
export const accounts = pgTable(
  "accounts",
  {
    userId: ownerId(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.providerAccountId] })],
);

export const enrolments = pgTable(
  "enrolments",
  {
    userId: ownerId(),
    courseId: text("course_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.courseId] })],
);

export const LESSON_STATUSES = ["started", "completed"] as const;

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    userId: ownerId(),
    courseId: text("course_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    status: text("status").$type<(typeof LESSON_STATUSES)[number]>().notNull().default("started"),
    secondsSpent: integer("seconds_spent").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.courseId, table.lessonId] })],
);

/** Each learner's latest code per cell. `editedAt` is when the learner typed it (client clock),
 * so of two tabs' saves the later edit wins whatever order they arrive in. */
export const cellCode = pgTable(
  "cell_code",
  {
    userId: ownerId(),
    courseId: text("course_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    cellId: text("cell_id").notNull(),
    source: text("source").notNull(),
    editedAt: timestamp("edited_at", { withTimezone: true, precision: 3 }).notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.courseId, table.lessonId, table.cellId] }),
  ],
);

/**
 * Each learner's latest finished run of each experiment cell, kept with the code that produced
 * it, so a trained model's curves and numbers survive a reload on any device. `result` is the
 * runner's ExperimentResult JSON (bounded in size by the experiment limits).
 */
export const experimentResults = pgTable(
  "experiment_results",
  {
    userId: ownerId(),
    courseId: text("course_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    cellId: text("cell_id").notNull(),
    source: text("source").notNull(),
    result: jsonb("result").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.courseId, table.lessonId, table.cellId] }),
  ],
);

/** Every graded attempt at an exercise. `attemptKey` (from the client) makes retries idempotent. */
export const exerciseAttempts = pgTable(
  "exercise_attempts",
  {
    id: text("id").primaryKey(),
    userId: ownerId(),
    attemptKey: text("attempt_key").notNull(),
    courseId: text("course_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    cellId: text("cell_id").notNull(),
    source: text("source").notNull(),
    passed: boolean("passed").notNull(),
    score: real("score"),
    feedback: jsonb("feedback").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("exercise_attempts_user_key").on(table.userId, table.attemptKey),
    index("exercise_attempts_user_cell").on(table.userId, table.courseId, table.cellId),
  ],
);

/** One row per exercise a learner has solved: the first pass, never counted twice. */
export const exerciseCompletions = pgTable(
  "exercise_completions",
  {
    userId: ownerId(),
    courseId: text("course_id").notNull(),
    cellId: text("cell_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    attemptId: text("attempt_id").notNull(),
    solvedAt: timestamp("solved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.courseId, table.cellId] })],
);

export const EVIDENCE_KINDS = ["lesson", "exercise", "quiz"] as const;

/** Why the roadmap believes a learner has a skill: one row per skill per piece of evidence. */
export const skillEvidence = pgTable(
  "skill_evidence",
  {
    userId: ownerId(),
    skillId: text("skill_id").notNull(),
    kind: text("kind").$type<(typeof EVIDENCE_KINDS)[number]>().notNull(),
    /** What earned it: `course/lesson`, `course/cell`, `course/quiz`. */
    ref: text("ref").notNull(),
    score: real("score").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.skillId, table.kind, table.ref] })],
);

/** A submitted quiz. `attemptKey` (from the client) makes a double submit count once. */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: text("id").primaryKey(),
    userId: ownerId(),
    attemptKey: text("attempt_key").notNull(),
    courseId: text("course_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    quizId: text("quiz_id").notNull(),
    answers: jsonb("answers").notNull(),
    results: jsonb("results").notNull(),
    score: real("score").notNull(),
    passed: boolean("passed").notNull(),
    secondsTaken: integer("seconds_taken"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("quiz_attempts_user_key").on(table.userId, table.attemptKey),
    index("quiz_attempts_user_quiz").on(table.userId, table.courseId, table.quizId),
  ],
);

/** Spaced review (Leitner boxes): questions a learner got wrong, and when each is due again. */
export const reviewItems = pgTable(
  "review_items",
  {
    userId: ownerId(),
    courseId: text("course_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    questionId: text("question_id").notNull(),
    box: integer("box").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    lastReviewedAt: timestamp("last_reviewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.courseId, table.questionId] }),
    index("review_items_due").on(table.userId, table.dueAt),
  ],
);

/**
 * A review question answered again, once per attempt key: a retried or doubled request finds its
 * first answer here and moves the question's box only once. `result` is the stored grade.
 */
export const reviewAnswers = pgTable(
  "review_answers",
  {
    id: text("id").primaryKey(),
    userId: ownerId(),
    attemptKey: text("attempt_key").notNull(),
    courseId: text("course_id").notNull(),
    lessonId: text("lesson_id").notNull(),
    questionId: text("question_id").notNull(),
    correct: boolean("correct").notNull(),
    result: jsonb("result").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("review_answers_user_key").on(table.userId, table.attemptKey)],
);

/**
 * A learner's roadmap choices and public skill report settings. The profile is private until
 * the learner turns `isPublic` on and picks a handle; only the skills in `shownSkills` ever
 * appear on it.
 */
export const learnerProfiles = pgTable(
  "learner_profiles",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    /** A role id from content/roadmap/roles.yaml, or null for none. */
    targetRoleId: text("target_role_id"),
    /** Stored lower-cased; the public URL /u/<handle>. */
    handle: text("handle"),
    isPublic: boolean("is_public").notNull().default(false),
    shownSkills: jsonb("shown_skills").$type<string[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("learner_profiles_handle_unique").on(table.handle)],
);
export type LearnerProfileRow = typeof learnerProfiles.$inferSelect;

/**
 * A group of learners taking a course with an instructor. Learners join by the invite link's
 * token or by the short join code, consenting that the cohort's instructors see their progress
 * in the course; `closesAt` (optional) ends joining, not membership.
 */
export const cohorts = pgTable(
  "cohorts",
  {
    id: text("id").primaryKey(),
    courseId: text("course_id").notNull(),
    name: text("name").notNull(),
    /** The instructor who runs it; with admins, the only one who sees its learners. */
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Short, unambiguous, typed by hand (e.g. "K7QM-2XPA"). */
    joinCode: text("join_code").notNull(),
    /** Long and random, for the invite link. */
    inviteToken: text("invite_token").notNull(),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("cohorts_join_code").on(table.joinCode),
    uniqueIndex("cohorts_invite_token").on(table.inviteToken),
    index("cohorts_owner").on(table.ownerId),
  ],
);
export type CohortRow = typeof cohorts.$inferSelect;

/** Who is in a cohort, and when they consented to its instructors seeing their progress. */
export const cohortMembers = pgTable(
  "cohort_members",
  {
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    userId: ownerId(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.cohortId, table.userId] }),
    index("cohort_members_user").on(table.userId),
  ],
);

/**
 * Open Badges credentials issued to learners (one row per download: a bundle of one credential
 * per earned skill level). `statusPosition` is the bundle's place in the deployment's
 * Bitstring Status Lists (list = position ÷ list length, index = the remainder), allocated by
 * the identity column so concurrent issuance on several nodes never shares a bit. The signed
 * document is kept so it can be fetched again by its URL and shown in the learner's list.
 */
export const issuedCredentials = pgTable(
  "issued_credentials",
  {
    id: text("id").primaryKey(),
    userId: ownerId(),
    statusPosition: integer("status_position").generatedAlwaysAsIdentity().notNull(),
    /** Skill levels the bundle certifies, for the learner's list without parsing the document. */
    skillLevels: integer("skill_levels").notNull(),
    document: jsonb("document").$type<Record<string, unknown>>(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("issued_credentials_status_position").on(table.statusPosition),
    index("issued_credentials_user").on(table.userId),
  ],
);
export type IssuedCredentialRow = typeof issuedCredentials.$inferSelect;

/**
 * Courses written in the studio. The course's files, in exactly the content/ format, live in
 * `studio_draft_files` while they are edited and in `studio_course_versions` once published;
 * learners only ever read the version `publishedVersion` names. `draftRevision` counts every
 * save to the draft: each saved file records the revision it was saved at, so a save based on an
 * older revision of that same file is refused (two tabs) while saves to other files go through.
 */
export const studioCourses = pgTable(
  "studio_courses",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The course's title in its draft's course.yaml, kept here for lists. */
    title: text("title").notNull(),
    draftRevision: integer("draft_revision").notNull().default(0),
    draftUpdatedAt: timestamp("draft_updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedVersion: integer("published_version"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("studio_courses_owner").on(table.ownerId)],
);
export type StudioCourseRow = typeof studioCourses.$inferSelect;

/** Co-instructors: they edit the course and see its learners, as the owner does. */
export const studioCourseMembers = pgTable(
  "studio_course_members",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => studioCourses.id, { onDelete: "cascade" }),
    userId: ownerId(),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.courseId, table.userId] }),
    index("studio_course_members_user").on(table.userId),
  ],
);

/** One file of a course's draft; `text` null marks a deleted file (so a stale save is caught). */
export const studioDraftFiles = pgTable(
  "studio_draft_files",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => studioCourses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    text: text("text"),
    revision: integer("revision").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  },
  (table) => [primaryKey({ columns: [table.courseId, table.name] })],
);

/** Every published version of a course: its whole file tree, never changed once written. */
export const studioCourseVersions = pgTable(
  "studio_course_versions",
  {
    courseId: text("course_id")
      .notNull()
      .references(() => studioCourses.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    files: jsonb("files").$type<Record<string, string>>().notNull(),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.courseId, table.version] })],
);
