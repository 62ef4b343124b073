CREATE TABLE "issued_credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"status_position" integer GENERATED ALWAYS AS IDENTITY (sequence name "issued_credentials_status_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"skill_levels" integer NOT NULL,
	"document" jsonb,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "issued_credentials" ADD CONSTRAINT "issued_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "issued_credentials_status_position" ON "issued_credentials" USING btree ("status_position");--> statement-breakpoint
CREATE INDEX "issued_credentials_user" ON "issued_credentials" USING btree ("user_id");