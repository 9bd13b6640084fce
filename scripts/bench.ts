// `npm run bench`: builds Teian, starts it on PostgreSQL (DATABASE_URL, filled by `npm run
// seed:scale`) or on PGlite (--pglite, seeded here), and measures in one run: the vote toggle, the
// idea feed, a big manager's queue, the HR dashboard and submitting an idea — next to this
// machine's own baselines (a trivial SvelteKit page; the vote's SQL in a raw postgres.js loop).
// Prints a table and writes it as JSON to bench/results/. `--quick`: small data, seconds per
// endpoint (CI). No timing is asserted: only errors (unexpected statuses) fail the run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { closeDatabase, db, openDatabase } from '../src/lib/server/db';
import { DEFAULT_SCALE_OPTIONS, generateScaleData, type ScaleOptions } from './scale/generate';
import type { LoadPlan } from './scale/sessions';
import { measurePageJs, type JsSize } from './bench/js-size';
import { measure, type LoadScenario, type Measurement } from './bench/load';
import { withMachineCpu } from './bench/machine-cpu';
import { RAW_VOTE_SQL, measureRawVotesPglite, measureRawVotesPostgres } from './bench/raw-vote';
import { evaluateTargets, formatTable, type Row } from './bench/report';
import { VoteToggles, buildScenarios, sessionCookie } from './bench/scenarios';
import { buildApp, startServer } from './bench/server';
import {
	adminSessionToken,
	formatPageTable,
	pagesToSurvey,
	surveyPages,
	type PageTiming
} from './bench/pages';
import { workerCount } from './workers.js';

const { values } = parseArgs({
	options: {
		pglite: { type: 'boolean', default: false },
		quick: { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		seed: { type: 'boolean', default: false },
		reset: { type: 'boolean', default: false },
		people: { type: 'string' },
		ideas: { type: 'string' },
		votes: { type: 'string' },
		seconds: { type: 'string' },
		connections: { type: 'string', default: '10' },
		port: { type: 'string', default: '4500' },
		'sessions-file': { type: 'string', default: 'bench/.sessions.json' },
		only: { type: 'string' },
		compare: { type: 'string' },
		label: { type: 'string' },
		out: { type: 'string', default: 'bench/results' },
		profile: { type: 'boolean', default: false },
		rounds: { type: 'string', default: '1' },
		workers: { type: 'string' },
		'node-flags': { type: 'string', default: '' },
		help: { type: 'boolean', default: false }
	}
});

if (values.help) {
	console.log(`Usage: npm run bench -- [--pglite] [--quick] [--no-build] [--seed [--reset]]
       [--people N --ideas N --votes N] [--seconds S] [--connections N] [--port P]
       [--only trivial,raw,signed-in,vote,feed,queue,dashboard,submit,js,pages] [--compare RESULT.json]
       [--label NAME] [--sessions-file PATH] [--profile] [--rounds N] [--workers N]
       [--node-flags "FLAGS"]
PostgreSQL (DATABASE_URL): measures the database as filled by npm run seed:scale, with the load
sessions it wrote (--sessions-file); --seed generates the data here first (--reset to wipe).
--pglite: a fresh embedded database in a temporary directory, seeded here.
--quick: small data and 2 s per endpoint (CI). --compare: a result file of a smaller dataset, for
the dashboard's growth target. --profile: the server writes a CPU profile to bench/profiles/.
--rounds N: measures everything N times in turn and reports each endpoint's median run, as runs on
one machine vary by about ±15%. --workers N: app processes (WEB_CONCURRENCY); by default as
npm start runs it, one per core on PostgreSQL and one on the embedded database. --node-flags: more
flags for the app's Node processes, for experiments (e.g. "--max-semi-space-size=32").`);
	process.exit(0);
}

const isQuick = values.quick;
const seconds = Number(values.seconds ?? (isQuick ? 2 : 10));
const warmUpSeconds = isQuick ? 0.5 : 2;
const connections = Number(values.connections);
const rounds = Math.max(1, Math.floor(Number(values.rounds)) || 1);
const port = Number(values.port);
const only = values.only ? new Set(values.only.split(',')) : null;
const wants = (key: string) => !only || only.has(key);
const size = (value: string | undefined, fallback: number) =>
	value === undefined ? fallback : Number(value.replace(/_/g, ''));

function seedOptions(): ScaleOptions {
	const quickSizes = { people: 400, ideas: 3_000, votes: 20_000 };
	const base = isQuick ? quickSizes : DEFAULT_SCALE_OPTIONS;
	const ideas = size(values.ideas, base.ideas);
	return {
		...DEFAULT_SCALE_OPTIONS,
		people: size(values.people, base.people),
		ideas,
		votes: size(values.votes, base.votes),
		comments: Math.round(ideas / 2),
		teams: 0,
		now: new Date(),
		reset: values.reset,
		quiet: Boolean(process.env.CI)
	};
}

async function seed(config: { url: string } | { dataDir: string }): Promise<LoadPlan> {
	await openDatabase(config);
	try {
		const options = seedOptions();
		const result = await generateScaleData(db, options);
		console.error(`Seeded ${options.ideas} ideas in ${result.seconds.toFixed(1)} s.`);
		return { ...result.load, generation: { seconds: result.seconds, rows: result.rows } };
	} finally {
		await closeDatabase();
	}
}

async function databaseFacts(url: string | null) {
	if (!url) return { kind: 'pglite' };
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [facts] = await sql`select version() as version,
			current_setting('shared_buffers') as shared_buffers,
			current_setting('work_mem') as work_mem,
			pg_size_pretty(pg_database_size(current_database())) as size`;
		return { kind: 'postgres', ...facts };
	} finally {
		await sql.end();
	}
}

/**
 * Vacuums and analyses the tables the load writes to. Production runs autovacuum; without it (this
 * machine's PostgreSQL has it off) every run leaves the dead rows of its votes and submissions
 * behind, each run measures a more bloated database than the one before (the vote's rate halved
 * over a dozen runs at 3 M ideas), and plans follow stale statistics. Runs before each round. The
 * tables' owner must run it: PostgreSQL only warns another user and vacuums nothing.
 */
async function vacuumWrittenTables(url: string): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: (notice) => console.error(notice.message) });
	try {
		await sql`vacuum (analyze) votes, ideas, team_daily_stats, team_weekly_submitters, idea_events,
			notifications, email_outbox, point_entries`;
	} finally {
		await sql.end();
	}
}

/** The vote's counter must equal its rows after the load: concurrency may not skew it. */
async function countVoteMismatches(url: string, load: LoadPlan): Promise<number> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const ids = load.voteTargets.map((target) => target.ideaId);
		const [row] = await sql`select count(*)::int as n from ideas i where i.id = any(${ids}::uuid[])
			and i.vote_count <> (select count(*) from votes v where v.idea_id = i.id)`;
		return row.n;
	} finally {
		await sql.end();
	}
}

const url = values.pglite ? null : process.env.DATABASE_URL || null;
if (!values.pglite && !url) {
	console.error(
		'Set DATABASE_URL to a PostgreSQL database filled by npm run seed:scale (or give --seed), or use --pglite.'
	);
	process.exit(2);
}

// As serve.js counts them (one per core on PostgreSQL unless --workers says otherwise).
const workers = workerCount(
	{ DATABASE_URL: url ?? '', WEB_CONCURRENCY: values.workers },
	os.availableParallelism()
).count;

const started = performance.now();
let dataDir: string | null = null;
let exitCode = 0;
try {
	if (!values['no-build']) {
		console.error('Building (vite build) …');
		buildApp();
	}

	let load: LoadPlan;
	if (values.pglite) {
		dataDir = mkdtempSync(path.join(os.tmpdir(), 'teian-bench-'));
		load = await seed({ dataDir });
	} else if (values.seed) {
		load = await seed({ url: url! });
		mkdirSync(path.dirname(values['sessions-file']), { recursive: true });
		writeFileSync(values['sessions-file'], JSON.stringify(load, null, '\t') + '\n', {
			mode: 0o600
		});
	} else {
		load = JSON.parse(readFileSync(values['sessions-file'], 'utf8'));
	}

	// Every run of each endpoint, by name, in the order first measured; each row is the median run.
	const runs = new Map<string, Measurement[]>();
	const baselineOf = new Map<string, string | 'is baseline' | undefined>();
	const keepRun = (measurement: Measurement, baseline?: string | 'is baseline') => {
		runs.set(measurement.name, [...(runs.get(measurement.name) ?? []), measurement]);
		baselineOf.set(measurement.name, baseline);
		console.error(
			`  ${measurement.name}: ${measurement.requestsPerSecond.toFixed(0)} req/s, p50 ${measurement.latencyMs.p50} ms, p99 ${measurement.latencyMs.p99} ms, ${measurement.cpuMsPerRequest ?? '?'} CPU ms/req, errors ${measurement.errors}`
		);
	};
	const measureRaw = async () => {
		console.error(`Raw vote SQL, ${seconds} s …`);
		keepRun(
			await withMachineCpu(() =>
				url
					? measureRawVotesPostgres(url, new VoteToggles(load), connections, seconds)
					: measureRawVotesPglite(dataDir!, new VoteToggles(load), seconds)
			),
			'is baseline'
		);
	};

	// The database's own limit first, while no app server competes for the machine.
	if (url) await vacuumWrittenTables(url);
	if (wants('raw') || wants('vote')) await measureRaw();
	// Made while the database is free (PGlite is one process's): the admin pages need an admin.
	const adminToken = wants('pages')
		? await adminSessionToken(url ? { url } : { dataDir: dataDir! })
		: null;

	const server = await startServer({
		port,
		database: url ? { url } : { dataDir: dataDir! },
		logFile: path.join(values.out, 'server-log.tmp'),
		nodeFlags: [
			...(values.profile ? ['--cpu-prof', '--cpu-prof-dir=bench/profiles'] : []),
			...values['node-flags'].split(/\s+/).filter(Boolean)
		],
		workers
	});
	let jsSize: JsSize | null = null;
	let pageTimings: PageTiming[] = [];
	try {
		const origin = server.baseUrl;
		const scenarios = buildScenarios(load, origin, connections);
		// Sessions from another database (or expired ones) would only measure redirects to sign-in.
		const probe = await fetch(`${origin}/queue`, {
			headers: { cookie: sessionCookie(load.manager.token) },
			redirect: 'manual'
		});
		if (probe.status !== 200) {
			throw new Error(
				`The load sessions do not work on this database (GET /queue answered ${probe.status}). ` +
					'Make new ones: npm run seed:scale -- --sessions-only'
			);
		}
		const run = async (scenario: LoadScenario, baseline?: string | 'is baseline') => {
			console.error(`${scenario.name}, ${scenario.connections} connections, ${seconds} s …`);
			await measure(origin, scenario, warmUpSeconds);
			keepRun(await withMachineCpu(() => measure(origin, scenario, seconds)), baseline);
		};
		for (let round = 1; round <= rounds; round++) {
			if (rounds > 1) console.error(`Round ${round} of ${rounds}`);
			if (url && round > 1) await vacuumWrittenTables(url);
			// Later rounds measure the raw loop too, next to an app server that is idle meanwhile.
			if (round > 1 && (wants('raw') || wants('vote'))) await measureRaw();
			const trivial = scenarios.trivial.name;
			const pages = ['trivial', 'signed-in', 'queue', 'feed', 'dashboard', 'submit'];
			if (pages.some(wants)) {
				await run(scenarios.trivial, 'is baseline');
			}
			// For scale: what any page that reads the database at all costs here.
			if (wants('signed-in')) await run(scenarios.signedIn, trivial);
			if (wants('vote')) await run(scenarios.vote, 'raw vote SQL');
			if (wants('feed')) await run(scenarios.feed, trivial);
			if (wants('queue')) await run(scenarios.queue, trivial);
			if (wants('dashboard')) {
				await run(scenarios.dashboard, trivial);
				// One HR reader at a time: the dashboard's own latency, for the p95 target.
				await run({ ...scenarios.dashboard, name: 'HR dashboard, 1 user', connections: 1 });
			}
			if (wants('submit')) await run(scenarios.submit, trivial);
		}
		if (wants('pages')) {
			console.error('Every page once …');
			pageTimings = await surveyPages(origin, pagesToSurvey(load, adminToken), isQuick ? 1 : 3);
		}
		if (wants('js')) {
			const employee = load.employees[0];
			jsSize = await measurePageJs(origin, '/ideas/new', {
				cookie: sessionCookie(employee.token)
			});
		}
	} finally {
		await server.stop();
	}

	const medianRun = (measurements: Measurement[]) =>
		[...measurements].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[
			Math.floor((measurements.length - 1) / 2)
		];
	const medians = new Map([...runs].map(([name, measured]) => [name, medianRun(measured)]));
	const rows: Row[] = [...medians].map(([name, measurement]) => {
		const baseline = baselineOf.get(name);
		if (baseline === 'is baseline') return { ...measurement, isBaseline: true };
		const base = baseline ? medians.get(baseline) : undefined;
		return base
			? {
					...measurement,
					baseline: base.name,
					ratio: Math.round((measurement.requestsPerSecond / base.requestsPerSecond) * 100) / 100
				}
			: measurement;
	});

	const checks: Record<string, number> = {};
	if (url && wants('vote')) checks.voteCountMismatches = await countVoteMismatches(url, load);

	const compareFile = values.compare ? JSON.parse(readFileSync(values.compare, 'utf8')) : null;
	const compareDashboard = compareFile?.results?.find(
		(row: Row) => row.name === 'HR dashboard, 1 user'
	);
	const targets = evaluateTargets(
		rows,
		jsSize,
		load.counts.ideas,
		compareDashboard
			? { dashboardP95: compareDashboard.latencyMs.p95, ideas: compareFile.dataset.counts.ideas }
			: null
	);
	const kind = url ? 'postgres' : 'pglite';
	const label =
		values.label ?? `${isQuick ? 'quick-' : ''}${kind}-${formatCount(load.counts.ideas)}-ideas`;
	const table = formatTable(rows, targets, jsSize);
	const command = `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim();
	console.log(
		`\nTeian benchmark (${label}): ${load.counts.people} people, ${load.counts.teams} teams, ` +
			`${load.counts.ideas} ideas, ${load.counts.votes} votes on ${kind}; ` +
			`${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ` +
			`${workers} app ${workers === 1 ? 'process' : 'processes'}` +
			`${rounds > 1 ? `; each row the median of ${rounds} runs` : ''}.\n`
	);
	console.log(table);
	if (pageTimings.length > 0) {
		console.log(
			`\nEvery page once (${isQuick ? 'one request each' : 'median of 3 requests in turn'}):\n`
		);
		console.log(formatPageTable(pageTimings));
	}

	const record = {
		label,
		date: new Date().toISOString(),
		command,
		machine: {
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model,
			memoryGiB: Math.round(os.totalmem() / 2 ** 30),
			node: process.version,
			platform: `${os.platform()} ${os.release()}`
		},
		database: await databaseFacts(url),
		dataset: { counts: load.counts, generation: load.generation ?? null },
		settings: {
			connections,
			secondsPerEndpoint: seconds,
			warmUpSeconds,
			appProcesses: workers,
			poolSizePerProcess: 10,
			rounds
		},
		rawVoteSql: RAW_VOTE_SQL,
		// Each endpoint's median run; with --rounds, every run is under allRuns.
		results: rows,
		allRuns: rounds > 1 ? Object.fromEntries(runs) : undefined,
		jsSize,
		pages: pageTimings,
		targets,
		checks,
		seconds: Math.round((performance.now() - started) / 1000)
	};
	mkdirSync(values.out, { recursive: true });
	const file = path.join(values.out, `${record.date.slice(0, 10)}-${label}.json`);
	writeFileSync(file, JSON.stringify(record, null, '\t') + '\n');
	// latest.json is the last complete run (the README's table), not a quick or partial one.
	const isComplete = !isQuick && !only && !values.profile;
	if (isComplete) {
		writeFileSync(path.join(values.out, 'latest.json'), JSON.stringify(record, null, '\t') + '\n');
	}
	console.log(
		`\nWritten to ${file}${isComplete ? ` and ${path.join(values.out, 'latest.json')}` : ''}.`
	);

	const failed = rows.filter((row) => row.errors > 0 || row.requests === 0);
	const failedPages = pageTimings.filter((page) => page.status !== 200);
	if (failed.length > 0 || failedPages.length > 0 || checks.voteCountMismatches) {
		console.error(
			`Errors: ${failed.map((row) => `${row.name} ${JSON.stringify(row.statuses)}`).join('; ')}` +
				failedPages.map((page) => `; ${page.path} as ${page.who}: ${page.status}`).join('') +
				(checks.voteCountMismatches
					? `; ${checks.voteCountMismatches} vote counts differ from their rows`
					: '')
		);
		exitCode = 1;
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	exitCode = 1;
} finally {
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);

function formatCount(count: number): string {
	if (count >= 1_000_000) return `${Math.round(count / 100_000) / 10}m`;
	if (count >= 1_000) return `${Math.round(count / 100) / 10}k`;
	return String(count);
}
