CREATE TABLE "experiment_results" (
	"user_id" text NOT NULL,
	"course_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"cell_id" text NOT NULL,
	"source" text NOT NULL,
	"result" jsonb NOT NULL,
	"saved_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_results_user_id_course_id_lesson_id_cell_id_pk" PRIMARY KEY("user_id","course_id","lesson_id","cell_id")
);
--> statement-breakpoint
ALTER TABLE "experiment_results" ADD CONSTRAINT "experiment_results_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;