import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import {
	PgDialect,
	type PgDatabase,
	type PgPreparedQuery,
	type PgQueryResultHKT,
	type PreparedQueryConfig
} from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { migrateDatabase } from './migrate';
import { withPreparedStatements } from './prepared';
import * as schema from './schema';

/** Columns are camelCase in TypeScript and snake_case in the database. */
const COLUMN_CASING = 'snake_case';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; domain functions that must join a caller's transaction accept one. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;

export interface DatabaseConfig {
	/** postgres:// URL of a real PostgreSQL server (production). */
	url?: string;
	/** PGlite data directory; 'memory://' keeps it in memory (tests). Used when url is absent. */
	dataDir?: string;
}

export interface OpenDatabase {
	db: Database;
	kind: 'postgres' | 'pglite';
	close: () => Promise<void>;
}

const notOpen = new Proxy({} as Database, {
	get() {
		throw new Error('The database is not open yet: call openDatabase() first.');
	}
});

/**
 * The application's database. A live binding: it is replaced by `openDatabase()`, which the server
 * hook, the scripts and the tests call once before anything else touches it.
 */
export let db: Database = notOpen;
let current: OpenDatabase | undefined;

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
	return env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR || 'data' };
}

/** Connects (PostgreSQL) or starts (PGlite), applies pending migrations and makes `db` usable. */
export async function openDatabase(
	config: DatabaseConfig = databaseConfigFromEnv()
): Promise<OpenDatabase> {
	if (current) return current;
	const opened = await connect(config);
	try {
		await migrateDatabase(opened, config);
	} catch (error) {
		await opened.close();
		throw error;
	}
	current = opened;
	db = opened.db;
	return opened;
}

export async function closeDatabase(): Promise<void> {
	const closing = current;
	current = undefined;
	db = notOpen;
	await closing?.close();
}

async function connect(config: DatabaseConfig): Promise<OpenDatabase> {
	if (config.url) {
		const client = postgres(config.url, {
			max: Number(process.env.DATABASE_POOL_SIZE) || 10,
			onnotice: () => {},
			connection: {
				application_name: 'teian',
				// A request's queries are small; a parallel plan's worker start-up costs more than it
				// saves and takes the cores concurrent requests need (the queue's awaiting list: 5 ms
				// serial, 20 ms parallel at 3 M ideas). DATABASE_PARALLEL_WORKERS allows them. (A string:
				// postgres.js leaves out a parameter whose value is 0.)
				max_parallel_workers_per_gather: process.env.DATABASE_PARALLEL_WORKERS || '0'
			}
		});
		return {
			db: drizzlePostgres({
				client: withPreparedStatements(client),
				schema,
				casing: COLUMN_CASING
			}),
			kind: 'postgres',
			close: () => client.end({ timeout: 5 })
		};
	}
	const client = await PGlite.create(config.dataDir ?? 'memory://');
	return {
		db: drizzlePglite({ client, schema, casing: COLUMN_CASING }),
		kind: 'pglite',
		close: () => client.close()
	};
}

/**
 * A query built once per open database, for paths every request takes: drizzle's query builder
 * costs more CPU than such a small query takes to run (seen in the vote's profile). `build` returns
 * the query's `.prepare(name)`, with `sql.placeholder`s for its inputs. Not for transactions: it
 * runs on the database's own connections.
 */
export function preparedQuery<T>(build: (database: Database) => T): () => T {
	const built = new WeakMap<Database, T>();
	return () => {
		let query = built.get(db);
		if (!query) {
			query = build(db);
			built.set(db, query);
		}
		return query;
	};
}

/** Turns SQL into text as drizzle does for `db`. */
const dialect = new PgDialect({ casing: COLUMN_CASING });

/**
 * A raw SQL statement built once per open database and shape, for a write every request of a kind
 * makes (the vote). `build(shape)` returns the statement with a `sql.placeholder` for each value
 * that changes from call to call; the shapes are the few variants of its text, told apart by
 * `keyOf(shape)`. Building drizzle's SQL and turning it into text was most of the vote's own CPU
 * (about 40 µs a vote). Not for transactions: it runs on the database's own connections.
 */
export function preparedStatement<Shape, Row extends Record<string, unknown>>(
	keyOf: (shape: Shape) => string,
	build: (shape: Shape) => SQL
): (shape: Shape, values: Record<string, unknown>) => Promise<Row[]> {
	const built = new WeakMap<Database, Map<string, PgPreparedQuery<PreparedQueryConfig>>>();
	return async (shape, values) => {
		let shapes = built.get(db);
		if (!shapes) built.set(db, (shapes = new Map()));
		const key = keyOf(shape);
		let statement = shapes.get(key);
		if (!statement) {
			// The name is only a label: postgres.js prepares every query with parameters anyway (see
			// withPreparedStatements), and PGlite ignores it.
			statement = db._.session.prepareQuery(
				dialect.sqlToQuery(build(shape)),
				undefined,
				key,
				false
			);
			shapes.set(key, statement);
		}
		return rowsOf<Row>(await statement.execute(values));
	};
}

/** postgres.js answers a raw query with the rows themselves, PGlite with `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] =>
	(Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/**
 * Runs raw SQL and returns its rows. postgres.js answers `execute` with the rows themselves, PGlite
 * with `{ rows }`; this hides the difference so domain code runs unchanged on both.
 */
export async function selectRows<T extends Record<string, unknown>>(
	tx: DatabaseOrTransaction,
	query: SQL
): Promise<T[]> {
	return rowsOf<T>(await tx.execute(query));
}

/** The PostgreSQL error code (e.g. '23505' unique violation) of a failed query, on either driver. */
export function pgErrorCode(error: unknown): string | undefined {
	for (let current = error; current && typeof current === 'object';) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
