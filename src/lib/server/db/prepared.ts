import type { Sql } from 'postgres';

type Client = Sql<Record<string, never>>;

/**
 * The postgres.js client as drizzle should use it: every query a prepared statement, cached per
 * connection by its text. Drizzle asks postgres.js for unnamed statements unless a query is given a
 * name, and postgres.js then describes each parameterised query before running it: two round trips
 * and two parses per query, the largest cost in the queue's and the vote's profiles. Prepared, a
 * query is parsed once per connection and runs in one round trip. (A pooler in transaction mode,
 * such as PgBouncer's, needs its prepared-statement support switched on.)
 */
export function withPreparedStatements<T extends Client>(client: T): T {
	return new Proxy(client, {
		get(target, property, receiver) {
			const value = Reflect.get(target, property, receiver);
			if (property === 'unsafe') {
				return (query: string, parameters?: unknown[], options?: object) =>
					target.unsafe(query, parameters as never, {
						...options,
						// Without parameters postgres.js uses the simple protocol (migrations).
						prepare: (parameters?.length ?? 0) > 0
					});
			}
			if (property === 'begin' || property === 'savepoint') {
				// Transactions run on their own client: it gets the same treatment.
				return (...args: unknown[]) => {
					const callback = args.pop() as (tx: Client) => unknown;
					return (value as (...a: unknown[]) => unknown).call(target, ...args, (tx: Client) =>
						callback(withPreparedStatements(tx))
					);
				};
			}
			return value;
		}
	});
}
