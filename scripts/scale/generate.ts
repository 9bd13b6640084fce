// The scale generator: a realistic organisation of any size, written with COPY in one transaction
// (so a failed or interrupted run leaves nothing behind), then the project's own rollup rebuild.
import { BENEFIT_TYPES, IDEA_STATUSES } from '../../src/lib/domain/ideas';
import {
	DEFAULT_GAINSHARING_PERCENT,
	gainsharingAmount,
	gainsharingNote,
	gainsharingPeriodStart
} from '../../src/lib/domain/gainsharing';
import {
	POINTS_FOR_ACCEPTANCE,
	POINTS_FOR_SUBMITTING,
	pointsForImplementation
} from '../../src/lib/domain/recognition';
import { hashPassword } from '../../src/lib/server/auth/password';
import type { Database } from '../../src/lib/server/db';
import { AUTHOR_MESSAGES } from '../../src/lib/server/ideas/decide';
import { refreshStoredRoutes } from '../../src/lib/server/ideas/stored-routes';
import { rebuildRollups } from '../../src/lib/server/insights/rollups';
import { openBulkConnection, copyText, type BulkConnection, type CopyWriter } from './bulk';
import { makeClock, type Clock } from './clock';
import {
	ACCEPTED,
	DROPPED,
	IMPLEMENTED,
	NEEDS_INFO,
	REJECTED,
	planIdeas,
	type IdeaPlan
} from './ideas';
import {
	ROLE_ADMIN,
	ROLE_HR,
	ROLE_MANAGER,
	buildOrganisation,
	decidersFor,
	type Organisation
} from './organisation';
import { Progress, type StepTiming } from './progress';
import { Random, pickDistinct } from './random';
import { createLoadSessions, type LoadPlan } from './sessions';
import {
	ORGANISATION_NAME,
	commentBody,
	ideaProblem,
	ideaProposal,
	ideaTitleAt,
	implementationNote,
	personName,
	rejectionReason
} from './texts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Everyone in the generated organisation signs in with this password (it is no secret). */
export const SCALE_PASSWORD = 'teian-scale';

export interface ScaleOptions {
	people: number;
	ideas: number;
	votes: number;
	comments: number;
	teams: number;
	/** Ideas are spread over this many years up to `now`. */
	years: number;
	seed: number;
	now: Date;
	timeZone: string;
	deadlineDays: number;
	/** Wipe a database that already holds data (otherwise it is refused). */
	reset: boolean;
	/** VACUUM ANALYZE afterwards, so the planner and index-only scans see the new data. */
	vacuum: boolean;
	/** How many employees get a load session. */
	loadEmployees: number;
	quiet: boolean;
}

/** Small by default: seconds, not minutes. */
export const DEFAULT_SCALE_OPTIONS: Omit<ScaleOptions, 'now'> = {
	people: 2_000,
	ideas: 10_000,
	votes: 100_000,
	comments: 5_000,
	teams: 0, // 0: one team per 50 people, at most 2,000
	years: 3,
	seed: 1,
	timeZone: 'Asia/Tokyo',
	deadlineDays: 10,
	reset: false,
	vacuum: true,
	loadEmployees: 16,
	quiet: false
};

export function defaultTeamCount(people: number): number {
	return Math.max(10, Math.min(2_000, Math.round(people / 50)));
}

export class RefusedError extends Error {}

export interface ScaleResult {
	timings: StepTiming[];
	seconds: number;
	rows: Record<string, number>;
	load: LoadPlan;
}

/**
 * Fills an empty database (or, with `reset`, a wiped one) with a generated organisation. The
 * database must be open and migrated (openDatabase). Refuses a database that holds people, teams
 * or ideas unless `reset` is set.
 */
export async function generateScaleData(
	appDb: Database,
	options: ScaleOptions
): Promise<ScaleResult> {
	const started = performance.now();
	const progress = new Progress(options.quiet);
	const conn = await openBulkConnection(appDb);
	try {
		const [existing] = await conn.rows<{ teams: number; people: number; ideas: number }>(
			`select (select count(*) from (select 1 from teams limit 1) t)::int as teams,
				(select count(*) from people)::int as people,
				(select count(*) from (select 1 from ideas limit 1) i)::int as ideas`
		);
		const isFilled = existing.teams + existing.people + existing.ideas > 0;
		if (isFilled && !options.reset) {
			throw new RefusedError(
				`The database already holds an organisation (${existing.people} people). ` +
					'Give --reset to wipe it and generate anew, or point DATABASE_URL at an empty database.'
			);
		}

		progress.start('plan (in memory)', options.ideas);
		const teamCount = options.teams || defaultTeamCount(options.people);
		const org = buildOrganisation({ people: options.people, teams: teamCount }, options.seed);
		const nowMs = options.now.getTime();
		const clock = makeClock(
			options.timeZone,
			nowMs - options.years * 365.25 * DAY_MS - DAY_MS,
			nowMs
		);
		const plan = planIdeas(
			org,
			{
				ideas: options.ideas,
				votes: options.votes,
				comments: options.comments,
				years: options.years,
				nowMs,
				deadlineDays: options.deadlineDays
			},
			clock,
			options.seed
		);
		progress.tick(options.ideas);
		progress.finish();

		const passwordHash = await hashPassword(SCALE_PASSWORD);
		const writer = new TableWriter(conn, org, plan, clock, options, progress);
		await conn.exec('begin');
		try {
			if (isFilled) {
				const tables = await conn.rows<{ name: string }>(
					`select quote_ident(tablename) as name from pg_tables where schemaname = 'public'`
				);
				await conn.exec(
					`truncate ${tables.map((t) => t.name).join(', ')} restart identity cascade`
				);
			}
			// Foreign-key triggers check (and lock) a parent row for every child row: most of a bulk
			// load's time. Rows here are built from the ids just written, so for this transaction
			// only the triggers are skipped (superuser only) and the keys are checked after, in bulk.
			const [{ is_superuser: isSuperuser }] = await conn.rows<{ is_superuser: string }>(
				`select current_setting('is_superuser') as is_superuser`
			);
			const skipsTriggers = isSuperuser === 'on';
			if (skipsTriggers) await conn.exec('set local session_replication_role = replica');
			await conn.exec(`
				insert into organisation_settings
					(id, name, decision_deadline_days, time_zone, idea_visibility, gainsharing_percent, updated_at)
				values (1, '${ORGANISATION_NAME}', ${options.deadlineDays}, '${options.timeZone.replace(/'/g, "''")}',
					'organisation', ${DEFAULT_GAINSHARING_PERCENT}, now())
				on conflict (id) do update set name = excluded.name,
					decision_deadline_days = excluded.decision_deadline_days, time_zone = excluded.time_zone,
					idea_visibility = excluded.idea_visibility,
					gainsharing_percent = excluded.gainsharing_percent, updated_at = now()`);
			await writer.teams();
			await writer.people(passwordHash);
			await writer.ideas();
			await writer.votes();
			await writer.comments();
			await writer.events();
			await writer.points();
			await writer.gainsharing();
			await writer.notifications();
			await writer.thanks();

			if (skipsTriggers) {
				await conn.exec('set local session_replication_role = origin');
				await checkForeignKeys(conn, progress);
			}

			progress.start('rollups (rebuild)', 1);
			await rebuildRollups(conn.db);
			progress.tick();
			progress.finish();

			progress.start('load sessions', 1);
			const load = await createLoadSessions(conn, { employees: options.loadEmployees });
			progress.tick();
			progress.finish();
			await conn.exec('commit');

			progress.start('routes for the queue', 1);
			await refreshStoredRoutes(appDb);
			progress.tick();
			progress.finish();

			if (options.vacuum) {
				progress.start('vacuum analyze', 1);
				await conn.exec('vacuum (analyze)');
				progress.tick();
				progress.finish();
			}
			return {
				timings: progress.timings,
				seconds: (performance.now() - started) / 1000,
				rows: writer.rowCounts,
				load
			};
		} catch (error) {
			await conn.exec('rollback').catch(() => {});
			throw error;
		}
	} finally {
		await conn.release();
	}
}

/**
 * Every foreign key of the tables written, checked in bulk (one anti-join per key) instead of row by
 * row: a violation aborts the load's transaction, so nothing inconsistent is ever committed.
 */
async function checkForeignKeys(conn: BulkConnection, progress: Progress): Promise<void> {
	const keys = await conn.rows<{ child: string; column: string; parent: string; key: string }>(`
		select c.conrelid::regclass::text as child, a.attname as column,
			c.confrelid::regclass::text as parent, pa.attname as key
		from pg_constraint c
		join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
		join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
		where c.contype = 'f' and array_length(c.conkey, 1) = 1
			and c.connamespace = 'public'::regnamespace
		order by 1, 2`);
	progress.start('foreign keys (check)', keys.length);
	for (const { child, column, parent, key } of keys) {
		const [{ missing }] = await conn.rows<{ missing: number }>(
			`select count(*)::int as missing from ${child} c
			where c.${column} is not null
				and not exists (select 1 from ${parent} p where p.${key} = c.${column})`
		);
		if (missing > 0) {
			throw new Error(
				`${missing} rows of ${child}.${column} point to no ${parent}: nothing was saved.`
			);
		}
		progress.tick();
	}
	progress.finish();
}

const iso = (ms: number) => new Date(ms).toISOString();
const money = (value: number) => (Number.isNaN(value) ? '\\N' : value.toFixed(2));

/** Writes each table from the organisation and the idea plan. */
class TableWriter {
	readonly rowCounts: Record<string, number> = {};
	private readonly personIds: string[];
	private readonly teamIds: string[];
	private readonly ideaOrder: Uint32Array;
	private readonly allPeople: Uint32Array;

	constructor(
		private readonly conn: BulkConnection,
		private readonly org: Organisation,
		private readonly plan: IdeaPlan,
		private readonly clock: Clock,
		private readonly options: ScaleOptions,
		private readonly progress: Progress
	) {
		this.personIds = Array.from({ length: org.personCount }, (_, i) => org.personIds.format(i));
		this.teamIds = Array.from({ length: org.teamCount }, (_, i) => org.teamIds.format(i));
		// Child rows go out in the ideas' key order, so their (idea_id, …) indexes fill in order.
		this.ideaOrder = plan.ids.sortedOrder();
		this.allPeople = new Uint32Array(org.personCount).map((_, i) => i);
	}

	private async write(
		step: string,
		table: string,
		columns: readonly string[],
		total: number,
		fill: (copy: CopyWriter) => Promise<void>
	): Promise<void> {
		this.progress.start(step, total);
		const copy = await this.conn.copy(table, columns);
		await fill(copy);
		const rows = await copy.end();
		this.rowCounts[table] = (this.rowCounts[table] ?? 0) + rows;
		this.progress.finish(rows);
	}

	async teams(): Promise<void> {
		const { org } = this;
		const createdAt = iso(this.options.now.getTime() - (this.options.years + 1) * 365 * DAY_MS);
		await this.write(
			'teams',
			'teams',
			['id', 'name', 'parent_id', 'created_at'],
			org.teamCount,
			async (copy) => {
				// Parents come first: the tree is built level by level.
				for (let team = 0; team < org.teamCount; team++) {
					const parent = org.teamParent[team];
					copy.push(
						`${this.teamIds[team]}\t${copyText(org.teamNames[team])}\t${parent < 0 ? '\\N' : this.teamIds[parent]}\t${createdAt}\n`
					);
					this.progress.tick();
				}
			}
		);
	}

	async people(passwordHash: string): Promise<void> {
		const { org } = this;
		const random = new Random(this.options.seed, 20);
		const start = this.options.now.getTime() - this.options.years * 365.25 * DAY_MS;
		await this.write(
			'people',
			'people',
			[
				'id',
				'display_name',
				'email',
				'employee_number',
				'password_hash',
				'home_team_id',
				'created_at'
			],
			org.personCount,
			async (copy) => {
				for (let person = 0; person < org.personCount; person++) {
					const name = personName(person);
					// Many on the shop floor have no company e-mail: everyone has an employee number.
					const email = random.chance(0.6)
						? `${name.toLowerCase().replace(/\s+/g, '.')}.${person + 1}@kaizen.example`
						: null;
					const createdAt = iso(start - random.next() * 365 * DAY_MS);
					copy.push(
						`${this.personIds[person]}\t${copyText(name)}\t${copyText(email)}\tK${String(person + 1).padStart(7, '0')}\t${copyText(passwordHash)}\t${this.teamIds[org.personHomeTeam[person]]}\t${createdAt}\n`
					);
					this.progress.tick();
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
		await this.write(
			'person roles',
			'person_roles',
			['person_id', 'role'],
			org.personCount,
			async (copy) => {
				for (let person = 0; person < org.personCount; person++) {
					const roles = org.personRoles[person];
					const id = this.personIds[person];
					copy.push(`${id}\temployee\n`);
					if (roles & ROLE_MANAGER) copy.push(`${id}\tmanager\n`);
					if (roles & ROLE_HR) copy.push(`${id}\thr\n`);
					if (roles & ROLE_ADMIN) copy.push(`${id}\tadmin\n`);
					this.progress.tick();
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
		await this.write(
			'team managers',
			'team_managers',
			['team_id', 'person_id'],
			org.teamCount,
			async (copy) => {
				for (let team = 0; team < org.teamCount; team++) {
					for (const person of org.teamManagers[team]) {
						copy.push(`${this.teamIds[team]}\t${this.personIds[person]}\n`);
					}
					this.progress.tick();
				}
			}
		);
	}

	async ideas(): Promise<void> {
		const { plan } = this;
		const random = new Random(this.options.seed, 30);
		await this.write(
			'ideas',
			'ideas',
			[
				'id',
				'author_id',
				'team_id',
				'title',
				'problem',
				'proposal',
				'benefit_type',
				'estimated_cost',
				'estimated_savings',
				'status',
				'submitted_at',
				'decision_due_at',
				'decided_at',
				'decided_by_id',
				'decision_note',
				'owner_id',
				'target_date',
				'implemented_at',
				'implementation_note',
				'realised_savings',
				'closed_at',
				'vote_count',
				'comment_count',
				'updated_at'
			],
			plan.count,
			async (copy) => {
				// In submission order, as the ideas arrived: the table's physical order is realistic.
				for (let i = 0; i < plan.count; i++) {
					const status = plan.status[i];
					const decided = plan.decidedAt[i];
					const finished = plan.finishedAt[i];
					const isAcceptedFamily =
						status === ACCEPTED || status === IMPLEMENTED || status === DROPPED;
					const decisionNote =
						status === REJECTED
							? rejectionReason(random)
							: status === NEEDS_INFO
								? 'Which stations would this affect, and who did you talk to?'
								: status === DROPPED
									? 'Superseded by the new line layout; thank you all the same.'
									: isAcceptedFamily && random.chance(0.3)
										? 'Good one: go ahead.'
										: null;
					const estimatedCost = random.chance(0.5) ? random.logNormal(300, 1.2) : NaN;
					const estimatedSavings = random.chance(0.5) ? random.logNormal(1500, 1.2) : NaN;
					copy.push(
						[
							plan.ids.format(i),
							this.personIds[plan.author[i]],
							this.teamIds[plan.team[i]],
							copyText(ideaTitleAt(this.options.seed, i)),
							copyText(ideaProblem(random)),
							copyText(ideaProposal(random)),
							BENEFIT_TYPES[plan.benefit[i]],
							money(estimatedCost),
							money(estimatedSavings),
							IDEA_STATUSES[status],
							iso(plan.submittedAt[i]),
							iso(plan.dueAt[i]),
							Number.isNaN(decided) ? '\\N' : iso(decided),
							Number.isNaN(decided) ? '\\N' : this.personIds[plan.decider[i]],
							copyText(decisionNote),
							isAcceptedFamily ? this.personIds[plan.owner[i]] : '\\N',
							isAcceptedFamily ? this.clock.localDate(plan.targetAt[i]) : '\\N',
							status === IMPLEMENTED ? iso(finished) : '\\N',
							status === IMPLEMENTED ? copyText(implementationNote(random)) : '\\N',
							status === IMPLEMENTED ? money(plan.savings[i]) : '\\N',
							status === REJECTED
								? iso(decided)
								: status === IMPLEMENTED || status === DROPPED
									? iso(finished)
									: '\\N',
							plan.voteCount[i],
							plan.commentCount[i],
							iso(plan.updatedAt(i))
						].join('\t') + '\n'
					);
					this.progress.tick();
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}

	async votes(): Promise<void> {
		const { plan, org } = this;
		const random = new Random(this.options.seed, 40);
		await this.write(
			'votes',
			'votes',
			['idea_id', 'person_id', 'created_at'],
			this.options.votes,
			async (copy) => {
				for (const i of this.ideaOrder) {
					const count = plan.voteCount[i];
					if (count === 0) continue;
					const ideaId = plan.ids.format(i);
					const from = plan.submittedAt[i];
					const span = plan.votesUntil(i) - from;
					// Colleagues at the same site vote most; a popular idea draws votes from everywhere.
					const site = org.sitePeople.get(org.teamSite[plan.team[i]])!;
					const pool = count <= site.length / 2 ? site : this.allPeople;
					pickDistinct(pool, count, random, plan.author[i], (person) => {
						copy.push(
							`${ideaId}\t${this.personIds[person]}\t${iso(from + random.next() * span)}\n`
						);
					});
					this.progress.tick(count);
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}

	async comments(): Promise<void> {
		const { plan, org } = this;
		const random = new Random(this.options.seed, 50);
		const now = this.options.now.getTime();
		await this.write(
			'comments',
			'comments',
			['id', 'idea_id', 'author_id', 'body', 'created_at'],
			this.options.comments,
			async (copy) => {
				for (const i of this.ideaOrder) {
					const count = plan.commentCount[i];
					if (count === 0) continue;
					const ideaId = plan.ids.format(i);
					const site = org.sitePeople.get(org.teamSite[plan.team[i]])!;
					const from = plan.submittedAt[i];
					const span = Math.min(now - from, 30 * DAY_MS);
					for (let k = 0; k < count; k++) {
						// The author answers now and then; otherwise colleagues from the site.
						const author = random.chance(0.15) ? plan.author[i] : site[random.int(site.length)];
						copy.push(
							`${randomUuid(random)}\t${ideaId}\t${this.personIds[author]}\t${copyText(commentBody(random))}\t${iso(from + random.next() * span)}\n`
						);
					}
					this.progress.tick(count);
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}

	/** The audit trail: one event per state change, in the order they happened. */
	async events(): Promise<void> {
		const { plan } = this;
		const SUBMITTED = 0;
		const ASKED = 1;
		const ANSWERED = 2;
		const DECIDED = 3;
		const FINISHED = 4;
		const events = new TimeOrderedRows(plan.count * 2.6);
		for (let i = 0; i < plan.count; i++) {
			events.add(plan.submittedAt[i], i, SUBMITTED);
			if (!Number.isNaN(plan.infoAskedAt[i])) events.add(plan.infoAskedAt[i], i, ASKED);
			if (!Number.isNaN(plan.infoAnsweredAt[i])) events.add(plan.infoAnsweredAt[i], i, ANSWERED);
			if (!Number.isNaN(plan.decidedAt[i])) events.add(plan.decidedAt[i], i, DECIDED);
			if (!Number.isNaN(plan.finishedAt[i])) events.add(plan.finishedAt[i], i, FINISHED);
		}
		const random = new Random(this.options.seed, 60);
		await this.write(
			'idea events',
			'idea_events',
			['idea_id', 'actor_id', 'at', 'from_status', 'to_status', 'note'],
			events.length,
			async (copy) => {
				for (const { at, row: i, kind } of events.sorted()) {
					const ideaId = plan.ids.format(i);
					const author = this.personIds[plan.author[i]];
					const status = plan.status[i];
					let line: string;
					if (kind === SUBMITTED) {
						line = `${author}\t${iso(at)}\t\\N\tawaiting_decision\tSubmitted`;
					} else if (kind === ASKED) {
						line = `${this.personIds[plan.decider[i]]}\t${iso(at)}\tawaiting_decision\tneeds_info\tWhich stations would this affect?`;
					} else if (kind === ANSWERED) {
						line = `${author}\t${iso(at)}\tneeds_info\tawaiting_decision\tAnswered by updating the idea.`;
					} else if (kind === DECIDED) {
						const to = status === REJECTED ? 'rejected' : 'accepted';
						const note =
							to === 'rejected'
								? rejectionReason(random)
								: `${personName(plan.owner[i])} implements it by ${this.clock.localDate(plan.targetAt[i])}.`;
						line = `${this.personIds[plan.decider[i]]}\t${iso(at)}\tawaiting_decision\t${to}\t${copyText(note)}`;
					} else {
						const to = status === IMPLEMENTED ? 'implemented' : 'dropped';
						const savings = plan.savings[i];
						const note =
							to === 'dropped'
								? 'Superseded by the new line layout; thank you all the same.'
								: Number.isNaN(savings)
									? implementationNote(random)
									: `${implementationNote(random)} Realised savings: ${savings.toFixed(2)}.`;
						line = `${this.personIds[plan.decider[i]]}\t${iso(at)}\taccepted\t${to}\t${copyText(note)}`;
					}
					copy.push(`${ideaId}\t${line}\n`);
					this.progress.tick();
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}

	/** Recognition points as the app credits them (recognition.ts): submitted, accepted, implemented. */
	async points(): Promise<void> {
		const { plan } = this;
		const SUBMITTED = 0;
		const ACCEPTED_POINTS = 1;
		const IMPLEMENTED_POINTS = 2;
		const entries = new TimeOrderedRows(plan.count * 2.4);
		for (let i = 0; i < plan.count; i++) {
			entries.add(plan.submittedAt[i], i, SUBMITTED);
			const status = plan.status[i];
			if (status === ACCEPTED || status === IMPLEMENTED || status === DROPPED) {
				entries.add(plan.decidedAt[i], i, ACCEPTED_POINTS);
			}
			if (status === IMPLEMENTED) entries.add(plan.finishedAt[i], i, IMPLEMENTED_POINTS);
		}
		await this.write(
			'point entries',
			'point_entries',
			['person_id', 'idea_id', 'reason', 'points', 'created_at'],
			entries.length,
			async (copy) => {
				for (const { at, row: i, kind } of entries.sorted()) {
					const savings = plan.savings[i];
					const [reason, points] =
						kind === SUBMITTED
							? ['submitted', POINTS_FOR_SUBMITTING]
							: kind === ACCEPTED_POINTS
								? ['accepted', POINTS_FOR_ACCEPTANCE]
								: ['implemented', pointsForImplementation(Number.isNaN(savings) ? null : savings)];
					copy.push(
						`${this.personIds[plan.author[i]]}\t${plan.ids.format(i)}\t${reason}\t${points}\t${iso(at)}\n`
					);
					this.progress.tick();
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}

	/** Gainsharing as accrueGainsharing does it: the default share of realised savings to the team's period. */
	async gainsharing(): Promise<void> {
		const { plan } = this;
		const percent = DEFAULT_GAINSHARING_PERCENT;
		const entries = new TimeOrderedRows(plan.count * 0.5);
		for (let i = 0; i < plan.count; i++) {
			const savings = plan.savings[i];
			if (
				plan.status[i] === IMPLEMENTED &&
				savings > 0 &&
				gainsharingAmount(savings, percent) > 0
			) {
				entries.add(plan.finishedAt[i], i, 0);
			}
		}
		await this.write(
			'gainsharing entries',
			'gainsharing_entries',
			['team_id', 'period_start', 'idea_id', 'reason', 'amount', 'note', 'created_at'],
			entries.length,
			async (copy) => {
				for (const { at, row: i } of entries.sorted()) {
					const savings = plan.savings[i];
					copy.push(
						`${this.teamIds[plan.team[i]]}\t${gainsharingPeriodStart(this.clock.localDate(at))}\t${plan.ids.format(i)}\timplementation\t${gainsharingAmount(savings, percent).toFixed(2)}\t${gainsharingNote(savings, percent)}\t${iso(at)}\n`
					);
					this.progress.tick();
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}

	/**
	 * In-app notifications, as notify() writes them: a new idea to its deciders, a decision and an
	 * implementation to the author. Older ones have been read. (E-mail outbox rows are transport
	 * state and are not generated.)
	 */
	async notifications(): Promise<void> {
		const { plan, org } = this;
		const random = new Random(this.options.seed, 70);
		const now = this.options.now.getTime();
		const dueLabels = new Map<string, string>();
		const dueFormat = new Intl.DateTimeFormat('en-GB', {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: this.clock.timeZone
		});
		let expected = 0;
		for (let i = 0; i < plan.count; i++) {
			expected +=
				1 + (Number.isNaN(plan.decidedAt[i]) ? 0 : 1) + (plan.status[i] === IMPLEMENTED ? 1 : 0);
		}
		await this.write(
			'notifications',
			'notifications',
			['id', 'recipient_id', 'idea_id', 'kind', 'title', 'body', 'created_at', 'read_at'],
			expected,
			async (copy) => {
				const add = (
					recipient: number,
					ideaId: string,
					kind: string,
					title: string,
					body: string,
					at: number
				) => {
					// Read within a few days, except some of the last two weeks'.
					const readAt =
						now - at > 14 * DAY_MS || random.chance(0.5)
							? Math.min(now, at + random.exponential(DAY_MS))
							: NaN;
					copy.push(
						`${randomUuid(random)}\t${this.personIds[recipient]}\t${ideaId}\t${kind}\t${copyText(title)}\t${copyText(body)}\t${iso(at)}\t${Number.isNaN(readAt) ? '\\N' : iso(readAt)}\n`
					);
				};
				for (const i of this.ideaOrder) {
					const ideaId = plan.ids.format(i);
					const title = ideaTitleAt(this.options.seed, i);
					const dueDay = this.clock.localDate(plan.dueAt[i]);
					let label = dueLabels.get(dueDay);
					if (!label) {
						label = dueFormat.format(plan.dueAt[i]);
						dueLabels.set(dueDay, label);
					}
					for (const decider of decidersFor(org, plan.team[i], plan.author[i])) {
						add(
							decider,
							ideaId,
							'idea_submitted',
							`New idea: ${title}`,
							`A new idea waits for your decision by ${label}.`,
							plan.submittedAt[i]
						);
					}
					const status = plan.status[i];
					if (!Number.isNaN(plan.decidedAt[i])) {
						const to = status === REJECTED ? 'rejected' : 'accepted';
						add(
							plan.author[i],
							ideaId,
							'idea_decided',
							`${AUTHOR_MESSAGES[to]}: ${title}`,
							'Open the idea to see the details.',
							plan.decidedAt[i]
						);
					}
					if (status === IMPLEMENTED) {
						add(
							plan.author[i],
							ideaId,
							'idea_decided',
							`${AUTHOR_MESSAGES.implemented}: ${title}`,
							'Open the idea to see the details.',
							plan.finishedAt[i]
						);
					}
					this.progress.tick(1);
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}

	/** Some implemented ideas got a manager's thank-you. */
	async thanks(): Promise<void> {
		const { plan } = this;
		const random = new Random(this.options.seed, 80);
		const now = this.options.now.getTime();
		await this.write(
			'thanks',
			'thanks',
			['id', 'idea_id', 'from_person_id', 'to_person_id', 'message', 'created_at'],
			plan.count,
			async (copy) => {
				for (let i = 0; i < plan.count; i++) {
					this.progress.tick();
					if (plan.status[i] !== IMPLEMENTED || !random.chance(0.1)) continue;
					const at = Math.min(now, plan.finishedAt[i] + random.exponential(DAY_MS));
					copy.push(
						`${randomUuid(random)}\t${plan.ids.format(i)}\t${this.personIds[plan.decider[i]]}\t${this.personIds[plan.author[i]]}\tThank you: this made a real difference to the team.\t${iso(at)}\n`
					);
					const full = copy.flushIfFull();
					if (full) await full;
				}
			}
		);
	}
}

function randomUuid(random: Random): string {
	const hex = (
		random.uint32().toString(16).padStart(8, '0') +
		random.uint32().toString(16).padStart(8, '0') +
		random.uint32().toString(16).padStart(8, '0') +
		random.uint32().toString(16).padStart(8, '0')
	).split('');
	hex[12] = '4';
	hex[16] = '89ab'[parseInt(hex[16], 16) & 3];
	const s = hex.join('');
	return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * Rows that must be written in time order (ledgers and the audit trail, whose ids the app reads
 * as "most recent"): collected as (time, idea, kind) and sorted by one packed numeric key.
 */
class TimeOrderedRows {
	private at: Float64Array;
	private rowIndex: Uint32Array;
	private kinds: Uint8Array;
	length = 0;

	constructor(capacity: number) {
		const size = Math.max(16, Math.ceil(capacity));
		this.at = new Float64Array(size);
		this.rowIndex = new Uint32Array(size);
		this.kinds = new Uint8Array(size);
	}

	add(at: number, row: number, kind: number): void {
		if (this.length === this.at.length) {
			const size = this.at.length * 2;
			const grow = <T extends Float64Array | Uint32Array | Uint8Array>(array: T, next: T) => {
				next.set(array);
				return next;
			};
			this.at = grow(this.at, new Float64Array(size));
			this.rowIndex = grow(this.rowIndex, new Uint32Array(size));
			this.kinds = grow(this.kinds, new Uint8Array(size));
		}
		this.at[this.length] = at;
		this.rowIndex[this.length] = row;
		this.kinds[this.length] = kind;
		this.length++;
	}

	*sorted(): Generator<{ at: number; row: number; kind: number }> {
		// key = time (in units coarse enough to fit) × 2^bits + position: a native numeric sort.
		let min = Infinity;
		let max = -Infinity;
		for (let k = 0; k < this.length; k++) {
			if (this.at[k] < min) min = this.at[k];
			if (this.at[k] > max) max = this.at[k];
		}
		const bits = Math.max(1, Math.ceil(Math.log2(this.length + 1)));
		const slots = 2 ** (52 - bits);
		const unit = Math.max(1, Math.ceil((max - min + 1) / slots));
		const scale = 2 ** bits;
		const keys = new Float64Array(this.length);
		for (let k = 0; k < this.length; k++) {
			keys[k] = Math.floor((this.at[k] - min) / unit) * scale + k;
		}
		keys.sort();
		for (let k = 0; k < keys.length; k++) {
			const position = keys[k] % scale;
			yield { at: this.at[position], row: this.rowIndex[position], kind: this.kinds[position] };
		}
	}
}
