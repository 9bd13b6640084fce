DROP INDEX "ideas_awaiting_queue_idx";--> statement-breakpoint
DROP INDEX "ideas_feed_newest_idx";--> statement-breakpoint
DROP INDEX "ideas_team_newest_idx";--> statement-breakpoint
DROP INDEX "ideas_author_idx";--> statement-breakpoint
CREATE INDEX "ideas_open_idx" ON "ideas" USING btree ("team_id","decision_due_at") WHERE "ideas"."status" in ('awaiting_decision', 'needs_info');--> statement-breakpoint
CREATE INDEX "ideas_votes_idx" ON "ideas" USING btree ("vote_count" DESC NULLS FIRST,"submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "team_daily_benefits_day_idx" ON "team_daily_benefits" USING btree ("day");--> statement-breakpoint
CREATE INDEX "team_weekly_decision_times_week_idx" ON "team_weekly_decision_times" USING btree ("week_start");--> statement-breakpoint
CREATE INDEX "ideas_feed_newest_idx" ON "ideas" USING btree ("submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "ideas_team_newest_idx" ON "ideas" USING btree ("team_id","submitted_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "ideas_author_idx" ON "ideas" USING btree ("author_id","submitted_at" DESC NULLS FIRST);