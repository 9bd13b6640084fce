import { sql } from 'drizzle-orm';
import { emptyCounts, type FigureCounts, type Period } from '../../domain/insights';
import { db, selectRows } from '../db';
import { weekStartOf } from './rollups';

/**
 * Which group each team's numbers count towards: a team id → a group key. Every team of a group's
 * subtree maps to the group, so one pass over the rollups serves a whole breakdown.
 */
export type TeamGroups = Map<string, string>;

// The mapping travels as two comma-joined lists (uuids and keys contain no commas), so a breakdown
// of thousands of teams is two parameters rather than thousands.
function groupsTable(groups: TeamGroups) {
	const teamIds = [...groups.keys()].join(',');
	const keys = [...groups.values()].join(',');
	return sql`unnest(string_to_array(${teamIds}, ',')::uuid[], string_to_array(${keys}, ',')) as g(team_id, group_key)`;
}

function countsFor(map: Map<string, FigureCounts>, key: string): FigureCounts {
	let counts = map.get(key);
	if (!counts) {
		counts = emptyCounts();
		map.set(key, counts);
	}
	return counts;
}

/**
 * The counts behind every figure, per group, for a period — from the rollups, plus the live backlog
 * (a partial index keeps that cheap) and the active people now.
 */
export async function countByGroup(
	groups: TeamGroups,
	period: Period,
	now: Date,
	today: string
): Promise<Map<string, FigureCounts>> {
	const result = new Map<string, FigureCounts>();
	if (groups.size === 0) return result;
	const g = groupsTable(groups);
	const firstWeek = weekStartOf(period.from);

	const daily = await selectRows<{
		group_key: string;
		submitted: number;
		decided: number;
		accepted: number;
		implemented: number;
		due: number;
		due_met: number;
		engagement: number;
		realised_savings: string | number;
	}>(
		db,
		sql`select g.group_key, sum(s.submitted)::int as submitted, sum(s.decided)::int as decided,
			sum(s.accepted)::int as accepted, sum(s.implemented)::int as implemented,
			sum(s.due) filter (where s.day < ${today}::date)::int as due,
			sum(s.due_met) filter (where s.day < ${today}::date)::int as due_met,
			sum(s.votes + s.comments)::int as engagement, sum(s.realised_savings) as realised_savings
		from team_daily_stats s join ${g} on g.team_id = s.team_id
		where s.day between ${period.from}::date and ${period.to}::date
		group by g.group_key`
	);
	for (const row of daily) {
		Object.assign(countsFor(result, row.group_key), {
			submitted: row.submitted,
			decided: row.decided,
			accepted: row.accepted,
			implemented: row.implemented,
			// Only deadlines already behind us count: today's may still be met.
			due: row.due ?? 0,
			dueMet: row.due_met ?? 0,
			engagement: row.engagement,
			realisedSavings: Number(row.realised_savings)
		});
	}

	const histogram = await selectRows<{ group_key: string; bucket: number; decisions: number }>(
		db,
		sql`select g.group_key, t.bucket, sum(t.decisions)::int as decisions
		from team_weekly_decision_times t join ${g} on g.team_id = t.team_id
		where t.week_start between ${firstWeek}::date and ${period.to}::date
		group by g.group_key, t.bucket`
	);
	for (const row of histogram) {
		const counts = countsFor(result, row.group_key);
		counts.decisionTimeHistogram[row.bucket] = row.decisions;
	}
	for (const counts of result.values()) {
		counts.decisionTimeHistogram = Array.from(counts.decisionTimeHistogram, (value) => value ?? 0);
	}

	const participants = await selectRows<{ group_key: string; participants: number }>(
		db,
		// Only people still active count (never more participants than people): the ones who left
		// or were deactivated are in neither the numerator nor the denominator.
		sql`select g.group_key, count(distinct w.person_id)::int as participants
		from team_weekly_submitters w join ${g} on g.team_id = w.team_id
		join people p on p.id = w.person_id and p.deactivated_at is null
		where w.week_start between ${firstWeek}::date and ${period.to}::date
		group by g.group_key`
	);
	for (const row of participants) countsFor(result, row.group_key).participants = row.participants;

	const people = await selectRows<{ group_key: string; people: number }>(
		db,
		sql`select g.group_key, count(*)::int as people
		from people p join ${g} on g.team_id = p.home_team_id
		where p.deactivated_at is null
		group by g.group_key`
	);
	for (const row of people) countsFor(result, row.group_key).people = row.people;

	const backlog = await selectRows<{ group_key: string; backlog: number; overdue: number }>(
		db,
		sql`select g.group_key, count(*)::int as backlog,
			count(*) filter (where i.decision_due_at < ${now.toISOString()}::timestamptz)::int as overdue
		from ideas i join ${g} on g.team_id = i.team_id
		where i.status in ('awaiting_decision', 'needs_info')
		group by g.group_key`
	);
	for (const row of backlog) {
		Object.assign(countsFor(result, row.group_key), { backlog: row.backlog, overdue: row.overdue });
	}
	return result;
}

/** More weeks than any period the dashboard accepts (three years). */
const MAX_WEEKS = 160;

export interface WeekCounts {
	weekStart: string;
	submitted: number;
	decided: number;
	implemented: number;
	due: number;
	dueMet: number;
}

/** Submitted, decided and implemented per week (and deadlines met per deadline week). */
export async function countByWeek(
	teamIds: string[],
	period: Period,
	today: string
): Promise<WeekCounts[]> {
	if (teamIds.length === 0) return [];
	const rows = await selectRows<{
		week_start: string;
		submitted: number;
		decided: number;
		implemented: number;
		due: number;
		due_met: number;
	}>(
		db,
		sql`select to_char(date_trunc('week', s.day), 'YYYY-MM-DD') as week_start,
			sum(s.submitted)::int as submitted, sum(s.decided)::int as decided,
			sum(s.implemented)::int as implemented,
			coalesce(sum(s.due) filter (where s.day < ${today}::date), 0)::int as due,
			coalesce(sum(s.due_met) filter (where s.day < ${today}::date), 0)::int as due_met
		from team_daily_stats s
		where s.team_id = any(string_to_array(${teamIds.join(',')}, ',')::uuid[])
			and s.day between ${period.from}::date and ${period.to}::date
		group by 1 order by 1`
	);
	const byWeek = new Map(rows.map((row) => [row.week_start, row]));
	// Every week of the period, also the empty ones, so charts and CSV have no gaps.
	const weeks: WeekCounts[] = [];
	const weekCount = Math.ceil(
		(Date.parse(period.to) - Date.parse(weekStartOf(period.from)) + 86_400_000) / (7 * 86_400_000)
	);
	// Counted, not compared as text: a bounded loop whatever dates arrive.
	for (let index = 0; index < Math.min(weekCount, MAX_WEEKS); index++) {
		const week = new Date(Date.parse(weekStartOf(period.from)) + index * 7 * 86_400_000)
			.toISOString()
			.slice(0, 10);
		const row = byWeek.get(week);
		weeks.push({
			weekStart: week,
			submitted: row?.submitted ?? 0,
			decided: row?.decided ?? 0,
			implemented: row?.implemented ?? 0,
			due: row?.due ?? 0,
			dueMet: row?.due_met ?? 0
		});
	}
	return weeks;
}

/** Submissions per main benefit in the period. */
export async function countByBenefit(
	teamIds: string[],
	period: Period
): Promise<{ benefitType: string; submitted: number }[]> {
	if (teamIds.length === 0) return [];
	return (
		await selectRows<{ benefit_type: string; submitted: number }>(
			db,
			sql`select benefit_type::text, sum(submitted)::int as submitted from team_daily_benefits
			where team_id = any(string_to_array(${teamIds.join(',')}, ',')::uuid[])
				and day between ${period.from}::date and ${period.to}::date
			group by 1 order by 2 desc`
		)
	).map((row) => ({ benefitType: row.benefit_type, submitted: row.submitted }));
}

/** Teams with no idea submitted on or after a local date. */
export async function listTeamsWithoutIdeasSince(
	teamIds: string[],
	since: string
): Promise<Set<string>> {
	if (teamIds.length === 0) return new Set();
	const active = await selectRows<{ team_id: string }>(
		db,
		sql`select distinct team_id from team_daily_stats
		where team_id = any(string_to_array(${teamIds.join(',')}, ',')::uuid[])
			and day >= ${since}::date and submitted > 0`
	);
	const withIdeas = new Set(active.map((row) => row.team_id));
	return new Set(teamIds.filter((id) => !withIdeas.has(id)));
}
