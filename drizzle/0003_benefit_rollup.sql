CREATE TABLE "team_daily_benefits" (
	"team_id" uuid NOT NULL,
	"day" date NOT NULL,
	"benefit_type" "benefit_type" NOT NULL,
	"submitted" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "team_daily_benefits_team_id_day_benefit_type_pk" PRIMARY KEY("team_id","day","benefit_type")
);
--> statement-breakpoint
ALTER TABLE "team_daily_benefits" ADD CONSTRAINT "team_daily_benefits_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;