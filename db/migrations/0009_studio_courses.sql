CREATE TABLE "studio_course_members" (
	"course_id" text NOT NULL,
	"user_id" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_course_members_course_id_user_id_pk" PRIMARY KEY("course_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "studio_course_versions" (
	"course_id" text NOT NULL,
	"version" integer NOT NULL,
	"files" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "studio_course_versions_course_id_version_pk" PRIMARY KEY("course_id","version")
);
--> statement-breakpoint
CREATE TABLE "studio_courses" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"title" text NOT NULL,
	"draft_revision" integer DEFAULT 0 NOT NULL,
	"draft_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_version" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studio_draft_files" (
	"course_id" text NOT NULL,
	"name" text NOT NULL,
	"text" text,
	"revision" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "studio_draft_files_course_id_name_pk" PRIMARY KEY("course_id","name")
);
--> statement-breakpoint
ALTER TABLE "studio_course_members" ADD CONSTRAINT "studio_course_members_course_id_studio_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."studio_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_course_members" ADD CONSTRAINT "studio_course_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_course_versions" ADD CONSTRAINT "studio_course_versions_course_id_studio_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."studio_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_course_versions" ADD CONSTRAINT "studio_course_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_courses" ADD CONSTRAINT "studio_courses_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_draft_files" ADD CONSTRAINT "studio_draft_files_course_id_studio_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."studio_courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studio_draft_files" ADD CONSTRAINT "studio_draft_files_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "studio_course_members_user" ON "studio_course_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "studio_courses_owner" ON "studio_courses" USING btree ("owner_id");