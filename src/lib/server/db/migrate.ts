import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { DatabaseConfig, OpenDatabase } from './index';

// Any constant shared by every app server; it serialises start-up migrations across instances.
const MIGRATION_LOCK_ID = 7_310_254;

export function migrationsFolder(): string {
	return path.resolve(process.env.MIGRATIONS_DIR || 'drizzle');
}

/** Applies the committed migrations in drizzle/ that the database has not seen yet. */
export async function migrateDatabase(opened: OpenDatabase, config: DatabaseConfig): Promise<void> {
	const migrationsConfig = { migrationsFolder: migrationsFolder() };
	if (opened.kind === 'pglite') {
		await migratePglite(opened.db as unknown as PgliteDatabase, migrationsConfig);
		return;
	}
	// Several app servers may start at once: one connection holds an advisory lock while migrating,
	// the others wait for it and then find nothing left to do.
	const client = postgres(config.url!, { max: 1, onnotice: () => {} });
	try {
		await client`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
		await migratePostgres(drizzlePostgres({ client }), migrationsConfig);
	} finally {
		await client`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`.catch(() => {});
		await client.end({ timeout: 5 });
	}
}
