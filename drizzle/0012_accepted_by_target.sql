DROP INDEX "ideas_accepted_idx";--> statement-breakpoint
CREATE INDEX "ideas_accepted_idx" ON "ideas" USING btree ("target_date","id") WHERE "ideas"."status" = 'accepted';