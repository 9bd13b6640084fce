// The database's own limit for a vote: the vote's essential SQL (insert or delete the vote row and
// move the idea's counter, in one transaction) in a tight loop with the same concurrency as the
// HTTP load, straight from postgres.js (or in-process PGlite). No HTTP, no app code.
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { latencySummary, round, type Measurement } from './load';
import type { VoteToggles } from './scenarios';

export const RAW_VOTE_SQL = [
	'begin',
	'insert into votes (idea_id, person_id) values ($1, $2) on conflict do nothing returning 1  -- or: delete from votes where idea_id = $1 and person_id = $2 returning 1',
	'update ideas set vote_count = vote_count + $3 where id = $1',
	'commit'
];

function summarise(
	name: string,
	description: string,
	connections: number,
	seconds: number,
	latencies: number[],
	errors: number
): Measurement {
	return {
		name,
		description,
		connections,
		seconds: round(seconds),
		requests: latencies.length,
		requestsPerSecond: round(latencies.length / seconds),
		latencyMs: latencySummary(latencies),
		errors,
		statuses: {}
	};
}

/** Runs the loop on PostgreSQL with `connections` concurrent workers for `seconds`. */
export async function measureRawVotesPostgres(
	url: string,
	toggles: VoteToggles,
	connections: number,
	seconds: number
): Promise<Measurement> {
	const sql = postgres(url, { max: connections, onnotice: () => {} });
	const latencies: number[] = [];
	let errors = 0;
	try {
		const deadline = performance.now() + seconds * 1000;
		const started = performance.now();
		const worker = async () => {
			while (performance.now() < deadline) {
				const { ideaId, personId, wantsVote } = toggles.next();
				const begun = performance.now();
				try {
					await sql.begin(async (tx) => {
						const changed = wantsVote
							? await tx`insert into votes (idea_id, person_id) values (${ideaId}, ${personId}) on conflict do nothing returning 1`
							: await tx`delete from votes where idea_id = ${ideaId} and person_id = ${personId} returning 1`;
						const change = wantsVote ? changed.length : -changed.length;
						await tx`update ideas set vote_count = vote_count + ${change} where id = ${ideaId}`;
					});
					latencies.push(performance.now() - begun);
				} catch {
					errors++;
				}
			}
		};
		await Promise.all(Array.from({ length: connections }, worker));
		return summarise(
			'raw vote SQL',
			'postgres.js loop: insert/delete vote + update count in a transaction',
			connections,
			(performance.now() - started) / 1000,
			latencies,
			errors
		);
	} finally {
		await sql.end({ timeout: 5 });
	}
}

/** The same loop in-process on PGlite, which runs one query at a time (so one worker). */
export async function measureRawVotesPglite(
	dataDir: string,
	toggles: VoteToggles,
	seconds: number
): Promise<Measurement> {
	const client = await PGlite.create(dataDir);
	const latencies: number[] = [];
	let errors = 0;
	try {
		const started = performance.now();
		const deadline = started + seconds * 1000;
		while (performance.now() < deadline) {
			const { ideaId, personId, wantsVote } = toggles.next();
			const begun = performance.now();
			try {
				await client.transaction(async (tx) => {
					const changed = wantsVote
						? await tx.query(
								'insert into votes (idea_id, person_id) values ($1, $2) on conflict do nothing returning 1',
								[ideaId, personId]
							)
						: await tx.query(
								'delete from votes where idea_id = $1 and person_id = $2 returning 1',
								[ideaId, personId]
							);
					const change = wantsVote ? changed.rows.length : -changed.rows.length;
					await tx.query('update ideas set vote_count = vote_count + $1 where id = $2', [
						change,
						ideaId
					]);
				});
				latencies.push(performance.now() - begun);
			} catch {
				errors++;
			}
		}
		return summarise(
			'raw vote SQL',
			'PGlite in-process loop: insert/delete vote + update count in a transaction',
			1,
			(performance.now() - started) / 1000,
			latencies,
			errors
		);
	} finally {
		await client.close();
	}
}
