import { sql } from 'drizzle-orm';
import { toCsv } from '../../domain/csv';
import { localDate } from '../../domain/deadline';
import {
	GAINSHARING_EPOCH,
	gainsharingPeriodEnd,
	gainsharingPeriodStart,
	GAINSHARING_PERIOD_DAYS,
	splitEvenly
} from '../../domain/gainsharing';
import { MIN_GROUP_SIZE, viewableTeamIds } from '../../domain/insights';
import { isWithinTeam } from '../../domain/team-path';
import { isCalendarDay } from '../../domain/validation';
import { db, selectRows } from '../db';
import { getOrganisationSettings } from '../org/settings';
import { listTeamTree, type TeamNode } from '../org/teams';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How many past periods HR can pick from. */
const PERIODS_SHOWN = 13;

export interface RecognitionFigures {
	people: number;
	points: number;
	thanks: number;
	implemented: number;
	pool: number;
}

export interface RecognitionOverview {
	periodStart: string;
	periodEnd: string;
	/** The periods to choose from, newest first. */
	periods: string[];
	/**
	 * Teams HR may look at on their own, in tree order, each with its figures for its whole subtree:
	 * two levels, from the top or from the team looked into.
	 */
	rows: RecognitionRow[];
	/** The team looked into, if any. */
	focus: { teamId: string; label: string } | null;
	/** Teams too small to be shown on their own: counted only in the rows above them. */
	hiddenTeamCount: number;
	/** The whole organisation; null when it is itself too small to show. */
	totals: RecognitionFigures | null;
}

export type RecognitionRow = {
	teamId: string;
	label: string;
	depth: number;
	/** Teams below it with rows of their own, not shown at this level: look into it for them. */
	rowsBelow: number;
} & RecognitionFigures;

/** The levels of teams shown at once: at 2,000 teams the whole tree is too long to read. */
const LEVELS_SHOWN = 2;

/** The four-week period HR asked for (its start), or the current one for anything else. */
function pickPeriod(requested: string | null, today: string): string {
	const current = gainsharingPeriodStart(today);
	if (!requested || !isCalendarDay(requested)) return current;
	const start = gainsharingPeriodStart(requested);
	if (start < GAINSHARING_EPOCH) return GAINSHARING_EPOCH;
	return start <= current ? start : current;
}

/** The latest periods (back to the first), and the one asked for if it is older. */
function recentPeriods(current: string, asked: string): string[] {
	const periods = Array.from({ length: PERIODS_SHOWN }, (_, index) =>
		new Date(Date.parse(current) - index * GAINSHARING_PERIOD_DAYS * DAY_MS)
			.toISOString()
			.slice(0, 10)
	).filter((start) => start >= GAINSHARING_EPOCH);
	return periods.includes(asked) ? periods : [...periods, asked];
}

/**
 * Recognition and gainsharing per team for one four-week period, for HR: points earned, thanks
 * received and ideas implemented by each team's members, and the team's gainsharing pool. Under
 * the insights' small-group protection: teams of fewer than five active people are merged into
 * "other teams" (or not shown at all when even that would be too small).
 */
export async function loadRecognitionOverview(
	requestedPeriod: string | null,
	now = new Date(),
	/** A team to look into; anything else (unknown, too small) shows the top. */
	requestedFocus: string | null = null
): Promise<RecognitionOverview> {
	const { timeZone } = await getOrganisationSettings();
	const today = localDate(now, timeZone);
	const periodStart = pickPeriod(requestedPeriod, today);
	const periodEnd = gainsharingPeriodEnd(periodStart);
	const [tree, figures] = await Promise.all([
		listTeamTree(),
		selectRows<{
			team_id: string;
			points: number;
			thanks: number;
			implemented: number;
			pool: string;
		}>(
			db,
			// One pass per kind of figure over the period's rows (by index on their time), grouped by
			// team; not a look-up per team, which took 45 s for 2,000 teams and 100,000 people.
			sql`
			with bounds as (
				select ${periodStart}::date as first_day,
					${periodStart}::date::timestamp at time zone ${timeZone} as from_at,
					(${periodEnd}::date + 1)::timestamp at time zone ${timeZone} as to_at
			), earned as (
				select p.home_team_id as team_id, sum(e.points) as points
				from bounds, point_entries e join people p on p.id = e.person_id
				where e.created_at >= from_at and e.created_at < to_at
				group by p.home_team_id
			), thanked as (
				select p.home_team_id as team_id, count(*) as thanks
				from bounds, thanks th join people p on p.id = th.to_person_id
				where th.created_at >= from_at and th.created_at < to_at
				group by p.home_team_id
			), done as (
				select i.team_id, count(*) as implemented
				from bounds, ideas i
				where i.implemented_at >= from_at and i.implemented_at < to_at
				group by i.team_id
			), pools as (
				select g.team_id, sum(g.amount) as pool
				from bounds, gainsharing_entries g
				where g.period_start = first_day
				group by g.team_id
			)
			select t.id as team_id,
				coalesce(earned.points, 0)::int as points,
				coalesce(thanked.thanks, 0)::int as thanks,
				coalesce(done.implemented, 0)::int as implemented,
				coalesce(pools.pool, 0)::text as pool
			from teams t
			left join earned on earned.team_id = t.id
			left join thanked on thanked.team_id = t.id
			left join done on done.team_id = t.id
			left join pools on pools.team_id = t.id
		`
		)
	]);
	const figuresOf = new Map(figures.map((row) => [row.team_id, row]));
	const own = new Map(
		tree.map((team) => {
			const row = figuresOf.get(team.id);
			return [
				team.id,
				{
					people: team.memberCount,
					points: row?.points ?? 0,
					thanks: row?.thanks ?? 0,
					implemented: row?.implemented ?? 0,
					pool: Number(row?.pool ?? 0)
				}
			];
		})
	);
	// The same units as the dashboard: a team's figures cover its subtree, and only the teams the
	// dashboard may open on their own are shown, so no two rows can be subtracted to reveal a
	// small team.
	const childrenOf = new Map<string | null, string[]>();
	for (const team of tree) {
		childrenOf.set(team.parentId, [...(childrenOf.get(team.parentId) ?? []), team.id]);
	}
	const subtree = (teamId: string): RecognitionFigures =>
		(childrenOf.get(teamId) ?? []).map(subtree).reduce(addFigures, own.get(teamId)!);
	const viewable = viewableTeamIds(
		tree.map((team) => ({ id: team.id, parentId: team.parentId, people: team.memberCount }))
	);
	const totals = [...own.values()].reduce(addFigures, NO_FIGURES);
	const viewableTeams = tree.filter((team) => viewable.has(team.id));
	const focus = viewableTeams.find((team) => team.id === requestedFocus) ?? null;
	const within = (team: TeamNode, top: TeamNode | null) =>
		top === null || isWithinTeam(team.pathNames, top.pathNames);
	const deepestShown = (focus?.depth ?? 0) + LEVELS_SHOWN - 1;
	return {
		periodStart,
		periodEnd,
		periods: recentPeriods(gainsharingPeriodStart(today), periodStart),
		rows: viewableTeams
			.filter((team) => within(team, focus) && team.depth <= deepestShown)
			.map((team) => ({
				teamId: team.id,
				label: team.path,
				depth: team.depth,
				rowsBelow:
					team.depth === deepestShown
						? viewableTeams.filter((other) => other !== team && within(other, team)).length
						: 0,
				...subtree(team.id)
			})),
		focus: focus && { teamId: focus.id, label: focus.path },
		hiddenTeamCount: tree.length - viewable.size,
		totals: totals.people >= MIN_GROUP_SIZE ? totals : null
	};
}

const NO_FIGURES: RecognitionFigures = { people: 0, points: 0, thanks: 0, implemented: 0, pool: 0 };

function addFigures(a: RecognitionFigures, b: RecognitionFigures): RecognitionFigures {
	return {
		people: a.people + b.people,
		points: a.points + b.points,
		thanks: a.thanks + b.thanks,
		implemented: a.implemented + b.implemented,
		pool: Math.round((a.pool + b.pool) * 100) / 100
	};
}

/**
 * The payroll file for one period: each active member of a team with a pool gets an equal share of
 * it (membership as it is when the file is made). A pool with nobody to share it is listed too, so
 * payroll can see it. Amounts are exact, so this is for payroll, not analysis: it names people,
 * which is why only HR and administrators can make it.
 */
export async function gainsharingPayrollCsv(
	requestedPeriod: string | null,
	now = new Date()
): Promise<{ periodStart: string; csv: string }> {
	const { timeZone } = await getOrganisationSettings();
	const periodStart = pickPeriod(requestedPeriod, localDate(now, timeZone));
	const periodEnd = gainsharingPeriodEnd(periodStart);
	const periodStatus = localDate(now, timeZone) > periodEnd ? 'closed' : 'open';
	const [tree, rows] = await Promise.all([
		listTeamTree(),
		selectRows<{
			team_id: string;
			pool: string;
			display_name: string | null;
			employee_number: string | null;
			email: string | null;
			members: number;
		}>(
			db,
			sql`
			with pools as (
				select team_id, sum(amount) as pool from gainsharing_entries
				where period_start = ${periodStart}::date group by team_id having sum(amount) > 0
			)
			select pools.team_id, pools.pool::text as pool, p.display_name, p.employee_number, p.email,
				count(p.id) over (partition by pools.team_id)::int as members
			from pools left join people p on p.home_team_id = pools.team_id and p.deactivated_at is null
			order by pools.team_id, p.display_name, p.id
		`
		)
	]);
	const pathOf = new Map(tree.map((team) => [team.id, team.path]));
	const lines: (string | number)[][] = [
		[
			'Period start',
			'Period end',
			'Period',
			'Team',
			'Team pool',
			'Members sharing',
			'Employee number',
			'E-mail',
			'Name',
			'Share'
		]
	];
	const byTeam = new Map<string, typeof rows>();
	for (const row of rows) byTeam.set(row.team_id, [...(byTeam.get(row.team_id) ?? []), row]);
	const byPath = [...byTeam].sort(([a], [b]) =>
		(pathOf.get(a) ?? '').localeCompare(pathOf.get(b) ?? '')
	);
	for (const [teamId, members] of byPath) {
		const pool = Number(members[0].pool);
		const shares = splitEvenly(pool, Math.max(members[0].members, 1));
		members.forEach((member, index) =>
			lines.push([
				periodStart,
				periodEnd,
				periodStatus,
				pathOf.get(teamId) ?? '',
				pool.toFixed(2),
				member.members,
				member.employee_number ?? '',
				member.email ?? '',
				member.display_name ?? 'Nobody active in the team: hold the pool',
				member.display_name ? shares[index].toFixed(2) : ''
			])
		);
	}
	return { periodStart, csv: toCsv(lines) };
}
