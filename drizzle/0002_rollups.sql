CREATE TABLE "team_daily_stats" (
	"team_id" uuid NOT NULL,
	"day" date NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	"decided" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"implemented" integer DEFAULT 0 NOT NULL,
	"due" integer DEFAULT 0 NOT NULL,
	"due_met" integer DEFAULT 0 NOT NULL,
	"votes" integer DEFAULT 0 NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"realised_savings" numeric(16, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "team_daily_stats_team_id_day_pk" PRIMARY KEY("team_id","day")
);
--> statement-breakpoint
CREATE TABLE "team_weekly_decision_times" (
	"team_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"bucket" smallint NOT NULL,
	"decisions" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "team_weekly_decision_times_team_id_week_start_bucket_pk" PRIMARY KEY("team_id","week_start","bucket")
);
--> statement-breakpoint
CREATE TABLE "team_weekly_submitters" (
	"team_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "team_weekly_submitters_team_id_week_start_person_id_pk" PRIMARY KEY("team_id","week_start","person_id")
);
--> statement-breakpoint
ALTER TABLE "team_daily_stats" ADD CONSTRAINT "team_daily_stats_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_weekly_decision_times" ADD CONSTRAINT "team_weekly_decision_times_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_weekly_submitters" ADD CONSTRAINT "team_weekly_submitters_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_weekly_submitters" ADD CONSTRAINT "team_weekly_submitters_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_daily_stats_day_idx" ON "team_daily_stats" USING btree ("day");--> statement-breakpoint
CREATE INDEX "team_weekly_submitters_week_idx" ON "team_weekly_submitters" USING btree ("week_start");