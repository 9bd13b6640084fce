ALTER TABLE "ideas" ADD COLUMN "decider_team_id" uuid;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "escalation_team_id" uuid;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "routed_at_version" bigint;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_decider_team_id_teams_id_fk" FOREIGN KEY ("decider_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_escalation_team_id_teams_id_fk" FOREIGN KEY ("escalation_team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ideas_decider_idx" ON "ideas" USING btree ("decider_team_id","decision_due_at") WHERE "ideas"."status" in ('awaiting_decision', 'needs_info');--> statement-breakpoint
CREATE INDEX "ideas_escalation_idx" ON "ideas" USING btree ("escalation_team_id","decision_due_at") WHERE "ideas"."status" = 'awaiting_decision';--> statement-breakpoint
CREATE INDEX "ideas_routed_at_idx" ON "ideas" USING btree ("routed_at_version" NULLS FIRST) WHERE "ideas"."status" in ('awaiting_decision', 'needs_info');