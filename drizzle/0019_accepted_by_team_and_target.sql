DROP INDEX "ideas_accepted_team_idx";--> statement-breakpoint
CREATE INDEX "ideas_accepted_team_target_idx" ON "ideas" USING btree ("team_id","target_date","id") WHERE "ideas"."status" = 'accepted';