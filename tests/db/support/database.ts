import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { closeDatabase, db, openDatabase, selectRows } from '../../../src/lib/server/db';

/**
 * Empties a PostgreSQL database completely (tables, types, migration history), so migrations run
 * from scratch on it. Only ever pointed at TEST_DATABASE_URL.
 */
export async function resetPostgres(url: string): Promise<void> {
	const client = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await client.unsafe(
			'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;'
		);
	} finally {
		await client.end();
	}
}

/**
 * Gives the test file a migrated database: real PostgreSQL when TEST_DATABASE_URL is set (files then
 * run one at a time), otherwise an in-memory PGlite of its own. Every test starts with empty tables.
 */
export function useTestDatabase(): void {
	beforeAll(async () => {
		const url = process.env.TEST_DATABASE_URL;
		if (url) {
			await resetPostgres(url);
			await openDatabase({ url });
		} else {
			await openDatabase({ dataDir: 'memory://' });
		}
	});

	beforeEach(async () => {
		const tables = await selectRows<{ name: string }>(
			db,
			sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`
		);
		await db.execute(sql.raw(`truncate ${tables.map((t) => t.name).join(', ')} cascade`));
	});

	afterAll(async () => {
		await closeDatabase();
	});
}
