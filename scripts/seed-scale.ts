// `npm run seed:scale -- --people 100000 --ideas 3000000 --votes 30000000`
// Fills a database with a generated organisation of the given size (small by default), in one
// transaction, then rebuilds HR's rollups and writes load sessions for `npm run bench` to
// bench/.sessions.json. Refuses a database that already holds an organisation unless --reset.
// Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default ./data).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, databaseConfigFromEnv, db, openDatabase } from '../src/lib/server/db';
import { openBulkConnection } from './scale/bulk';
import {
	DEFAULT_SCALE_OPTIONS,
	RefusedError,
	SCALE_PASSWORD,
	defaultTeamCount,
	generateScaleData,
	type ScaleOptions
} from './scale/generate';
import { createLoadSessions, type LoadPlan } from './scale/sessions';

const { values } = parseArgs({
	options: {
		people: { type: 'string' },
		ideas: { type: 'string' },
		votes: { type: 'string' },
		comments: { type: 'string' },
		teams: { type: 'string' },
		years: { type: 'string' },
		seed: { type: 'string' },
		now: { type: 'string' },
		'time-zone': { type: 'string' },
		reset: { type: 'boolean', default: false },
		'no-vacuum': { type: 'boolean', default: false },
		'sessions-only': { type: 'boolean', default: false },
		'sessions-file': { type: 'string', default: 'bench/.sessions.json' },
		help: { type: 'boolean', default: false }
	}
});

if (values.help) {
	console.log(`Usage: npm run seed:scale -- [--people N] [--ideas N] [--votes N] [--comments N]
       [--teams N] [--years N] [--seed N] [--now ISO] [--time-zone TZ] [--reset] [--no-vacuum]
       [--sessions-only] [--sessions-file PATH]
Defaults: ${DEFAULT_SCALE_OPTIONS.people} people, ${DEFAULT_SCALE_OPTIONS.ideas} ideas, ${DEFAULT_SCALE_OPTIONS.votes} votes, comments = ideas / 2,
teams = people / 50 (10 to 2,000), 3 years up to now, seed 1, time zone ${DEFAULT_SCALE_OPTIONS.timeZone}.
--reset wipes a database that already holds data; --sessions-only makes new load sessions on a
filled database (e.g. after they expired) without generating anything.`);
	process.exit(0);
}

function count(name: string, value: string | undefined, fallback: number): number {
	if (value === undefined) return fallback;
	// 3e6 and 3_000_000 are fine too.
	const parsed = Number(value.replace(/_/g, ''));
	if (!Number.isInteger(parsed) || parsed < 0) {
		console.error(`--${name} must be a whole number, not "${value}".`);
		process.exit(2);
	}
	return parsed;
}

const ideas = count('ideas', values.ideas, DEFAULT_SCALE_OPTIONS.ideas);
const people = count('people', values.people, DEFAULT_SCALE_OPTIONS.people);
const options: ScaleOptions = {
	...DEFAULT_SCALE_OPTIONS,
	people,
	ideas,
	votes: count('votes', values.votes, DEFAULT_SCALE_OPTIONS.votes),
	comments: count('comments', values.comments, Math.round(ideas / 2)),
	teams: count('teams', values.teams, defaultTeamCount(people)),
	years: count('years', values.years, DEFAULT_SCALE_OPTIONS.years),
	seed: count('seed', values.seed, DEFAULT_SCALE_OPTIONS.seed),
	now: values.now ? new Date(values.now) : new Date(),
	timeZone: values['time-zone'] ?? DEFAULT_SCALE_OPTIONS.timeZone,
	reset: values.reset,
	vacuum: !values['no-vacuum']
};
if (Number.isNaN(options.now.getTime())) {
	console.error(`--now must be a date and time, e.g. 2026-11-01T12:00:00Z.`);
	process.exit(2);
}

function writeSessions(file: string, load: LoadPlan, generation?: object): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify({ ...load, generation }, null, '\t') + '\n', { mode: 0o600 });
}

const config = databaseConfigFromEnv();
const where = config.url ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
await openDatabase(config);
try {
	if (values['sessions-only']) {
		const conn = await openBulkConnection(db);
		try {
			const load = await createLoadSessions(conn, { employees: options.loadEmployees });
			writeSessions(values['sessions-file'], load);
		} finally {
			await conn.release();
		}
		console.log(`New load sessions written to ${values['sessions-file']}.`);
	} else {
		console.error(
			`Generating ${options.people} people in ${options.teams} teams, ${options.ideas} ideas, ` +
				`${options.votes} votes and ${options.comments} comments into ${where} (seed ${options.seed}).`
		);
		const result = await generateScaleData(db, options);
		const generation = {
			options: { ...options, now: options.now.toISOString() },
			seconds: Math.round(result.seconds * 10) / 10,
			steps: result.timings.map((t) => ({ ...t, seconds: Math.round(t.seconds * 100) / 100 })),
			rows: result.rows
		};
		writeSessions(values['sessions-file'], result.load, generation);
		console.log(`Generated in ${generation.seconds} s into ${where}.`);
		console.log(`Load sessions for npm run bench: ${values['sessions-file']}.`);
		console.log(`Everyone's password is ${SCALE_PASSWORD} (employee numbers K0000001 …).`);
	}
} catch (error) {
	console.error(
		error instanceof RefusedError || !(error instanceof Error)
			? String(error instanceof Error ? error.message : error)
			: error
	);
	process.exitCode = error instanceof RefusedError ? 3 : 1;
} finally {
	await closeDatabase();
}
