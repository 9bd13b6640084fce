-- The gainsharing ledger is append-only, like the points ledger (0005): corrections are new entries.
CREATE TRIGGER gainsharing_entries_append_only
	BEFORE UPDATE OR DELETE ON gainsharing_entries
	FOR EACH ROW EXECUTE FUNCTION refuse_ledger_change();
