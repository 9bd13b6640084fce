// One connection for a bulk load, on PostgreSQL (postgres.js, COPY … FROM STDIN) or on PGlite
// (COPY … FROM '/dev/blob'), with the app's Drizzle API on that same connection so the project's
// own functions (the rollup rebuild) run inside the load's transaction.
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { ReservedSql, Sql } from 'postgres';
import type { Writable } from 'node:stream';
import type { Database } from '../../src/lib/server/db';
import * as schema from '../../src/lib/server/db/schema';

export interface BulkConnection {
	kind: 'postgres' | 'pglite';
	/** The app's Drizzle API on this connection (inside its transaction). */
	db: Database;
	exec(text: string): Promise<void>;
	rows<T>(text: string): Promise<T[]>;
	/** Starts a COPY of text-format lines into a table. */
	copy(table: string, columns: readonly string[]): Promise<CopyWriter>;
	release(): Promise<void>;
}

/**
 * Collects COPY text lines and hands them to the database in large chunks. Call `push` per row and
 * `await flushIfFull()` now and then (backpressure), then `end()`.
 */
export interface CopyWriter {
	rows: number;
	push(line: string): void;
	flushIfFull(): Promise<void> | undefined;
	end(): Promise<number>;
}

/** COPY's text format: tab-separated, \N for null, backslash escapes for the special characters. */
export function copyText(value: string | null): string {
	if (value === null) return '\\N';
	return /[\\\t\n\r]/.test(value)
		? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
		: value;
}

const POSTGRES_CHUNK = 256 * 1024;
// PGlite receives a whole file per COPY statement: fewer, larger ones.
const PGLITE_CHUNK = 8 * 1024 * 1024;

/** Opens a bulk connection on the app's open database (see openDatabase in src/lib/server/db). */
export async function openBulkConnection(db: Database): Promise<BulkConnection> {
	const client = (db as unknown as { $client: unknown }).$client;
	if (client && typeof (client as Sql).reserve === 'function') {
		const pool = client as Sql;
		const reserved = await pool.reserve();
		// A reserved connection lacks the pool's `options`, which Drizzle reads (type parsers).
		Object.assign(reserved, { options: pool.options });
		return postgresConnection(reserved);
	}
	if (client && typeof (client as PGlite).exec === 'function') {
		return pgliteConnection(client as PGlite);
	}
	throw new Error('Unknown database client: expected postgres.js or PGlite.');
}

function postgresConnection(sql: ReservedSql): BulkConnection {
	return {
		kind: 'postgres',
		db: drizzlePostgres({ client: sql as unknown as Sql, schema, casing: 'snake_case' }),
		exec: async (text) => {
			await sql.unsafe(text);
		},
		rows: async <T>(text: string) => (await sql.unsafe(text)) as unknown as T[],
		async copy(table, columns) {
			const stream: Writable = await sql
				.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`)
				.writable();
			const finished = new Promise<void>((resolve, reject) => {
				stream.on('finish', resolve);
				stream.on('error', reject);
			});
			// An error mid-stream rejects `finished`; keep it from going unhandled until end() awaits it.
			finished.catch(() => {});
			let buffer = '';
			const writer: CopyWriter = {
				rows: 0,
				push(line) {
					buffer += line;
					writer.rows++;
				},
				flushIfFull() {
					if (buffer.length < POSTGRES_CHUNK) return undefined;
					const chunk = buffer;
					buffer = '';
					if (stream.write(chunk)) return undefined;
					return new Promise<void>((resolve, reject) => {
						stream.once('drain', resolve);
						finished.catch(reject);
					});
				},
				async end() {
					if (buffer) stream.write(buffer);
					buffer = '';
					stream.end();
					await finished;
					return writer.rows;
				}
			};
			return writer;
		},
		release: async () => sql.release()
	};
}

function pgliteConnection(client: PGlite): BulkConnection {
	return {
		kind: 'pglite',
		db: drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database,
		exec: async (text) => {
			await client.exec(text);
		},
		rows: async <T>(text: string) => (await client.query<T>(text)).rows,
		async copy(table, columns) {
			const statement = `copy ${table} (${columns.join(', ')}) from '/dev/blob'`;
			let parts: string[] = [];
			let size = 0;
			const send = async () => {
				if (parts.length === 0) return;
				const blob = new Blob(parts);
				parts = [];
				size = 0;
				await client.query(statement, [], { blob });
			};
			const writer: CopyWriter = {
				rows: 0,
				push(line) {
					parts.push(line);
					size += line.length;
					writer.rows++;
				},
				flushIfFull: () => (size >= PGLITE_CHUNK ? send() : undefined),
				async end() {
					await send();
					return writer.rows;
				}
			};
			return writer;
		},
		release: async () => {}
	};
}
