DROP INDEX "ideas_implemented_idx";--> statement-breakpoint
CREATE INDEX "ideas_implemented_team_idx" ON "ideas" USING btree ("implemented_at","team_id") WHERE "ideas"."implemented_at" is not null;--> statement-breakpoint
CREATE INDEX "thanks_created_idx" ON "thanks" USING btree ("created_at","to_person_id");