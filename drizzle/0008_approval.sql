CREATE TYPE "public"."approver_level" AS ENUM('own_manager', 'one_up', 'two_up', 'top');--> statement-breakpoint
CREATE TABLE "approval_bands" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "approval_bands_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"max_cost" numeric(14, 2),
	"approver_level" "approver_level" NOT NULL,
	CONSTRAINT "approval_bands_max_cost_unique" UNIQUE NULLS NOT DISTINCT("max_cost"),
	CONSTRAINT "approval_bands_max_cost_non_negative" CHECK (coalesce("approval_bands"."max_cost", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "approver_level" "approver_level" DEFAULT 'own_manager' NOT NULL;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "self_approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "self_approval_cost_limit" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_self_approval_limit_non_negative" CHECK (coalesce("teams"."self_approval_cost_limit", 0) >= 0);