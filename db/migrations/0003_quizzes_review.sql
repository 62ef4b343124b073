CREATE TABLE "quiz_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"attempt_key" text NOT NULL,
	"course_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"quiz_id" text NOT NULL,
	"answers" jsonb NOT NULL,
	"results" jsonb NOT NULL,
	"score" real NOT NULL,
	"passed" boolean NOT NULL,
	"seconds_taken" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"user_id" text NOT NULL,
	"course_id" text NOT NULL,
	"lesson_id" text NOT NULL,
	"question_id" text NOT NULL,
	"box" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"last_reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_items_user_id_course_id_question_id_pk" PRIMARY KEY("user_id","course_id","question_id")
);
--> statement-breakpoint
ALTER TABLE "quiz_attempts" ADD CONSTRAINT "quiz_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_user_key" ON "quiz_attempts" USING btree ("user_id","attempt_key");--> statement-breakpoint
CREATE INDEX "quiz_attempts_user_quiz" ON "quiz_attempts" USING btree ("user_id","course_id","quiz_id");--> statement-breakpoint
CREATE INDEX "review_items_due" ON "review_items" USING btree ("user_id","due_at");