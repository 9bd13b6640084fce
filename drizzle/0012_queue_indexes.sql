DROP INDEX "ideas_accepted_idx";--> statement-breakpoint
CREATE INDEX "ideas_self_approved_idx" ON "ideas" USING btree ("self_approved_at") WHERE "ideas"."self_approved_at" is not null;--> statement-breakpoint
CREATE INDEX "ideas_accepted_idx" ON "ideas" USING btree ("target_date","id") WHERE "ideas"."status" = 'accepted';