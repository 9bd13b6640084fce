// How many processes serve Teian: see serve.js.

/** Default ceiling: each process has its own pool (DATABASE_POOL_SIZE, 10), and PostgreSQL allows
 * 100 connections unless told otherwise; 8 × 10 leaves room for scripts and administration. */
export const MAX_DEFAULT_WORKERS = 8;

/**
 * One per core (at most 8) on PostgreSQL, where every app process is just another client of the
 * database; one on the embedded database, whose files only one process may open.
 * WEB_CONCURRENCY sets the number.
 * @param {Record<string, string | undefined>} env
 * @param {number} cores
 * @returns {{ count: number, note?: string }}
 */
export function workerCount(env, cores) {
	const asked = env.WEB_CONCURRENCY?.trim();
	const isPostgres = Boolean(env.DATABASE_URL);
	if (!asked) return { count: isPostgres ? Math.min(Math.max(1, cores), MAX_DEFAULT_WORKERS) : 1 };
	if (!/^[1-9][0-9]{0,2}$/.test(asked)) {
		throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 999, not "${asked}".`);
	}
	const count = Number(asked);
	if (!isPostgres && count > 1) {
		return {
			count: 1,
			note: `WEB_CONCURRENCY=${count} ignored: the embedded database serves from one process (set DATABASE_URL for more).`
		};
	}
	return { count };
}
