-- Recognition points are an append-only ledger: history is never rewritten, corrections are new
-- entries. The database itself refuses changes to entries, whatever code tries. (TRUNCATE, an
-- operator's tool that the app never uses, stays possible: the tests reset their database with it.)
CREATE FUNCTION refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'The % ledger is append-only: add a correcting entry instead', TG_TABLE_NAME
		USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER point_entries_append_only
	BEFORE UPDATE OR DELETE ON point_entries
	FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
