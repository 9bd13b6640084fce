CREATE TYPE "public"."gain_reason" AS ENUM('implementation', 'correction');--> statement-breakpoint
CREATE TABLE "gainsharing_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"idea_id" uuid,
	"reason" "gain_reason" NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD COLUMN "gainsharing_percent" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "gainsharing_entries" ADD CONSTRAINT "gainsharing_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gainsharing_entries" ADD CONSTRAINT "gainsharing_entries_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gainsharing_team_period_idx" ON "gainsharing_entries" USING btree ("team_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "gainsharing_idea_idx" ON "gainsharing_entries" USING btree ("idea_id") WHERE "gainsharing_entries"."reason" = 'implementation';--> statement-breakpoint
ALTER TABLE "organisation_settings" ADD CONSTRAINT "organisation_settings_gainsharing_range" CHECK ("organisation_settings"."gainsharing_percent" between 0 and 100);