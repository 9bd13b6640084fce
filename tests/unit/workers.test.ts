import { describe, expect, it } from 'vitest';
import { MAX_DEFAULT_WORKERS, workerCount } from '../../scripts/workers.js';

const POSTGRES = 'postgres://teian@db.example/teian';

describe('how many processes serve Teian', () => {
	it('on PostgreSQL, one per core up to 8 unless WEB_CONCURRENCY says otherwise', () => {
		expect(workerCount({ DATABASE_URL: POSTGRES }, 2)).toEqual({ count: 2 });
		expect(workerCount({ DATABASE_URL: POSTGRES }, 8)).toEqual({ count: 8 });
		// Each has a pool of 10: 64 cores would ask PostgreSQL for 640 connections.
		expect(workerCount({ DATABASE_URL: POSTGRES }, 64)).toEqual({ count: MAX_DEFAULT_WORKERS });
		expect(MAX_DEFAULT_WORKERS).toBe(8);
		expect(workerCount({ DATABASE_URL: POSTGRES, WEB_CONCURRENCY: '16' }, 64)).toEqual({
			count: 16
		});
		expect(workerCount({ DATABASE_URL: POSTGRES, WEB_CONCURRENCY: '3' }, 8)).toEqual({ count: 3 });
		expect(workerCount({ DATABASE_URL: POSTGRES, WEB_CONCURRENCY: ' 1 ' }, 8)).toEqual({
			count: 1
		});
	});

	it('on the embedded database, one, and says so when more were asked for', () => {
		expect(workerCount({}, 8)).toEqual({ count: 1 });
		expect(workerCount({ DATABASE_URL: '' }, 8)).toEqual({ count: 1 });
		expect(workerCount({ WEB_CONCURRENCY: '1' }, 8)).toEqual({ count: 1 });
		const asked = workerCount({ DATABASE_URL: '', WEB_CONCURRENCY: '4' }, 8);
		expect(asked.count).toBe(1);
		expect(asked.note).toMatch(/WEB_CONCURRENCY=4 ignored: the embedded database/);
	});

	it('refuses a WEB_CONCURRENCY that is not a whole number from 1', () => {
		for (const wrong of ['0', '-2', 'two', '1.5', '2x', '1000']) {
			expect(() => workerCount({ DATABASE_URL: POSTGRES, WEB_CONCURRENCY: wrong }, 2)).toThrow(
				`WEB_CONCURRENCY must be a whole number from 1 to 999, not "${wrong}".`
			);
		}
	});
});
