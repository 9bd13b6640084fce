import { sql } from 'drizzle-orm';
import { toCsv } from '../../domain/csv';
import { localDate } from '../../domain/deadline';
import {
	gainsharingPeriodEnd,
	gainsharingPeriodStart,
	GAINSHARING_PERIOD_DAYS,
	splitEvenly
} from '../../domain/gainsharing';
import { emptyCounts, protectSmallGroups, type GroupRow } from '../../domain/insights';
import { isCalendarDay } from '../../domain/validation';
import { db, selectRows } from '../db';
import { getOrganisationSettings } from '../org/settings';
import { listTeamTree } from '../org/teams';

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
	rows: ({ teamId: string; label: string } & RecognitionFigures)[];
	/** Teams too small to show on their own, merged; null when there are none (or suppressed). */
	other: (RecognitionFigures & { label: string; teamCount: number }) | null;
	isRestSuppressed: boolean;
	totals: RecognitionFigures;
}

/** The four-week period HR asked for (its start), or the current one for anything else. */
export function pickPeriod(requested: string | null, today: string): string {
	const current = gainsharingPeriodStart(today);
	if (!requested || !isCalendarDay(requested)) return current;
	const start = gainsharingPeriodStart(requested);
	return start <= current ? start : current;
}

function recentPeriods(current: string): string[] {
	return Array.from({ length: PERIODS_SHOWN }, (_, index) =>
		new Date(Date.parse(current) - index * GAINSHARING_PERIOD_DAYS * DAY_MS)
			.toISOString()
			.slice(0, 10)
	);
}

/**
 * Recognition and gainsharing per team for one four-week period, for HR: points earned, thanks
 * received and ideas implemented by each team's members, and the team's gainsharing pool. Under
 * the insights' small-group protection: teams of fewer than five active people are merged into
 * "other teams" (or not shown at all when even that would be too small).
 */
export async function loadRecognitionOverview(
	requestedPeriod: string | null,
	now = new Date()
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
			sql`
			with in_period as (
				select ${periodStart}::date as first_day, ${periodEnd}::date as last_day
			)
			select t.id as team_id,
				coalesce((select sum(e.points) from point_entries e join people p on p.id = e.person_id
					where p.home_team_id = t.id
					and (e.created_at at time zone ${timeZone})::date between first_day and last_day), 0)::int as points,
				(select count(*) from thanks th join people p on p.id = th.to_person_id
					where p.home_team_id = t.id
					and (th.created_at at time zone ${timeZone})::date between first_day and last_day)::int as thanks,
				(select count(*) from ideas i
					where i.team_id = t.id and i.implemented_at is not null
					and (i.implemented_at at time zone ${timeZone})::date between first_day and last_day)::int as implemented,
				coalesce((select sum(g.amount) from gainsharing_entries g
					where g.team_id = t.id and g.period_start = first_day), 0)::text as pool
			from teams t, in_period
		`
		)
	]);
	const figuresOf = new Map(figures.map((row) => [row.team_id, row]));
	const groups: GroupRow<RecognitionFigures>[] = tree.map((team) => {
		const row = figuresOf.get(team.id);
		return {
			key: team.id,
			label: team.path,
			counts: { ...emptyCounts(), people: team.memberCount },
			extra: {
				people: team.memberCount,
				points: row?.points ?? 0,
				thanks: row?.thanks ?? 0,
				implemented: row?.implemented ?? 0,
				pool: Number(row?.pool ?? 0)
			}
		};
	});
	const protectedRows = protectSmallGroups(groups);
	const sum = (rows: RecognitionFigures[]): RecognitionFigures =>
		rows.reduce(
			(total, row) => ({
				people: total.people + row.people,
				points: total.points + row.points,
				thanks: total.thanks + row.thanks,
				implemented: total.implemented + row.implemented,
				pool: Math.round((total.pool + row.pool) * 100) / 100
			}),
			{ people: 0, points: 0, thanks: 0, implemented: 0, pool: 0 }
		);
	const shownIds = new Set(protectedRows.shown.map((row) => row.key));
	const hidden = groups.filter((group) => !shownIds.has(group.key));
	return {
		periodStart,
		periodEnd,
		periods: recentPeriods(gainsharingPeriodStart(today)),
		rows: protectedRows.shown.map((row) => ({ teamId: row.key, label: row.label, ...row.extra })),
		other: protectedRows.other
			? {
					label: protectedRows.other.label,
					teamCount: protectedRows.other.groupCount,
					...sum(hidden.map((group) => group.extra))
				}
			: null,
		isRestSuppressed: protectedRows.isRestSuppressed,
		// Totals cover only what is shown, so nothing suppressed can be found by subtraction.
		totals: sum(
			[...protectedRows.shown, ...(protectedRows.other ? hidden : [])].map((group) => group.extra)
		)
	};
}

/**
 * The payroll file for one period: each active member of a team with a pool gets an equal share of
 * it (membership as it is when the file is made). Amounts are exact, so this is for payroll, not
 * analysis: it names people, which is why only HR and administrators can make it.
 */
export async function gainsharingPayrollCsv(periodStart: string): Promise<string> {
	const periodEnd = gainsharingPeriodEnd(periodStart);
	const [tree, rows] = await Promise.all([
		listTeamTree(),
		selectRows<{
			team_id: string;
			pool: string;
			display_name: string;
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
				count(*) over (partition by pools.team_id)::int as members
			from pools join people p on p.home_team_id = pools.team_id and p.deactivated_at is null
			order by pools.team_id, p.display_name, p.id
		`
		)
	]);
	const pathOf = new Map(tree.map((team) => [team.id, team.path]));
	const lines: (string | number)[][] = [
		[
			'Period start',
			'Period end',
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
	for (const [teamId, members] of byTeam) {
		const shares = splitEvenly(Number(members[0].pool), members.length);
		members.forEach((member, index) =>
			lines.push([
				periodStart,
				periodEnd,
				pathOf.get(teamId) ?? '',
				Number(member.pool).toFixed(2),
				member.members,
				member.employee_number ?? '',
				member.email ?? '',
				member.display_name,
				shares[index].toFixed(2)
			])
		);
	}
	return toCsv(lines);
}
