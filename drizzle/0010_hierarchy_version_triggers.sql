-- The hierarchy's version moves with every change to teams or their managers, in the changing
-- transaction: app servers compare it (one tiny read) before trusting the tree they keep in memory.
-- Values come from a sequence, never reused even after a rollback, so a version names one content.
CREATE SEQUENCE hierarchy_version_seq;--> statement-breakpoint
CREATE FUNCTION bump_hierarchy_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO hierarchy_versions (id, version) VALUES (1, nextval('hierarchy_version_seq'))
		ON CONFLICT (id) DO UPDATE SET version = excluded.version;
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER teams_bump_hierarchy_version
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
	FOR EACH STATEMENT EXECUTE FUNCTION bump_hierarchy_version();--> statement-breakpoint
CREATE TRIGGER team_managers_bump_hierarchy_version
	AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team_managers
	FOR EACH STATEMENT EXECUTE FUNCTION bump_hierarchy_version();--> statement-breakpoint
INSERT INTO hierarchy_versions (id, version) VALUES (1, nextval('hierarchy_version_seq'));
