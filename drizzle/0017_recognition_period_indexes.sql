CREATE INDEX "gainsharing_period_idx" ON "gainsharing_entries" USING btree ("period_start");--> statement-breakpoint
CREATE INDEX "ideas_implemented_idx" ON "ideas" USING btree ("implemented_at") WHERE "ideas"."implemented_at" is not null;--> statement-breakpoint
CREATE INDEX "point_entries_created_idx" ON "point_entries" USING btree ("created_at");