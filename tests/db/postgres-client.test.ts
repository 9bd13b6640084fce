import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, selectRows } from '../../src/lib/server/db';
import { anyId } from '../../src/lib/server/db/any-id';
import { teams } from '../../src/lib/server/db/schema';
import { useTestDatabase } from './support/database';

useTestDatabase();

describe('anyId', () => {
	it('matches the listed ids, however many, and nothing for an empty list', async () => {
		const created = await db
			.insert(teams)
			.values(Array.from({ length: 300 }, (_, index) => ({ name: `Team ${index}` })))
			.returning({ id: teams.id });
		const wanted = created.slice(0, 250).map((team) => team.id);
		const found = await db.select({ id: teams.id }).from(teams).where(anyId(teams.id, wanted));
		expect(found.map((team) => team.id).sort()).toEqual([...wanted].sort());
		expect(await db.select().from(teams).where(anyId(teams.id, []))).toEqual([]);
	});
});

// The client options below exist only for postgres.js; PGlite runs in-process.
describe.skipIf(!process.env.TEST_DATABASE_URL)('the PostgreSQL client (TEST_DATABASE_URL)', () => {
	it('prepares parameterised queries, in transactions too, and runs requests without parallel workers', async () => {
		const statements = await db.transaction(async (tx) => {
			await tx.select().from(teams).where(eq(teams.name, 'Prepared?'));
			return selectRows<{ statement: string }>(
				tx,
				sql`select statement from pg_prepared_statements where statement like '%"teams"."name" = $1%'`
			);
		});
		expect(statements).toHaveLength(1);
		const [settings] = await selectRows<{ workers: string; application: string }>(
			db,
			sql`select current_setting('max_parallel_workers_per_gather') as workers,
				current_setting('application_name') as application`
		);
		expect(settings).toEqual({ workers: '0', application: 'teian' });
	});
});
