import { and, eq, sql, type SQL } from 'drizzle-orm';
import { localDate } from '../../domain/deadline';
import type { BenefitType } from '../../domain/ideas';
import type { DatabaseOrTransaction } from '../db';
import {
	organisationSettings,
	teamDailyBenefits,
	teamDailyStats,
	teamWeeklyDecisionTimes,
	teamWeeklySubmitters
} from '../db/schema';

const HALF_DAY_MS = 12 * 60 * 60 * 1000;
/** The settings' default time zone (org/settings imports this module, so it is stated here too). */
const DEFAULT_ROLLUP_TIME_ZONE = 'UTC';
/** Decision times of 60 days or more share the last bucket. */
export const LAST_DECISION_BUCKET = 120;

type DailyCounter =
	| 'submitted'
	| 'decided'
	| 'accepted'
	| 'implemented'
	| 'due'
	| 'dueMet'
	| 'votes'
	| 'comments'
	| 'realisedSavings';

/** The Monday of the week a local date (YYYY-MM-DD) falls in, as Postgres' date_trunc('week') has it. */
export function weekStartOf(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	const daysSinceMonday = (date.getUTCDay() + 6) % 7;
	return new Date(date.getTime() - daysSinceMonday * 24 * 60 * 60 * 1000)
		.toISOString()
		.slice(0, 10);
}

export function decisionTimeBucket(submittedAt: Date, decidedAt: Date): number {
	const bucket = Math.floor((decidedAt.getTime() - submittedAt.getTime()) / HALF_DAY_MS);
	return Math.min(Math.max(bucket, 0), LAST_DECISION_BUCKET);
}

async function bumpDaily(
	tx: DatabaseOrTransaction,
	teamId: string,
	day: string,
	increments: Partial<Record<DailyCounter, number>>
): Promise<void> {
	const set = Object.fromEntries(
		Object.keys(increments).map((key) => {
			const snakeCase = key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
			return [
				key,
				sql`${teamDailyStats[key as DailyCounter]} + excluded.${sql.identifier(snakeCase)}`
			];
		})
	);
	await tx
		.insert(teamDailyStats)
		.values({ teamId, day, ...increments })
		.onConflictDoUpdate({ target: [teamDailyStats.teamId, teamDailyStats.day], set });
}

async function bumpBenefit(
	tx: DatabaseOrTransaction,
	teamId: string,
	day: string,
	benefitType: BenefitType,
	change: number
): Promise<void> {
	await tx
		.insert(teamDailyBenefits)
		.values({ teamId, day, benefitType, submitted: change })
		.onConflictDoUpdate({
			target: [teamDailyBenefits.teamId, teamDailyBenefits.day, teamDailyBenefits.benefitType],
			set: { submitted: sql`${teamDailyBenefits.submitted} + ${change}` }
		});
}

/** The author changed the idea's main benefit: it moves in the mix, on its submission day. */
export async function recordBenefitChange(
	tx: DatabaseOrTransaction,
	idea: { teamId: string; submittedAt: Date },
	change: { from: BenefitType; to: BenefitType },
	timeZone: string
): Promise<void> {
	if (change.from === change.to) return;
	const day = localDate(idea.submittedAt, timeZone);
	await bumpBenefit(tx, idea.teamId, day, change.from, -1);
	await bumpBenefit(tx, idea.teamId, day, change.to, 1);
	// A mix row that reached zero would not exist in a rebuild.
	await tx
		.delete(teamDailyBenefits)
		.where(
			and(
				eq(teamDailyBenefits.teamId, idea.teamId),
				eq(teamDailyBenefits.day, day),
				eq(teamDailyBenefits.submitted, 0)
			)
		);
}

interface RolledIdea {
	teamId: string;
	submittedAt: Date;
	decisionDueAt: Date;
}

/** A new idea: submitted on its day, due on its deadline's day, its author a participant that week. */
export async function recordSubmission(
	tx: DatabaseOrTransaction,
	idea: RolledIdea & { authorId: string; benefitType: BenefitType },
	timeZone: string
): Promise<void> {
	const day = localDate(idea.submittedAt, timeZone);
	await bumpDaily(tx, idea.teamId, day, { submitted: 1 });
	await bumpBenefit(tx, idea.teamId, day, idea.benefitType, 1);
	await bumpDaily(tx, idea.teamId, localDate(idea.decisionDueAt, timeZone), { due: 1 });
	await tx
		.insert(teamWeeklySubmitters)
		.values({ teamId: idea.teamId, weekStart: weekStartOf(day), personId: idea.authorId })
		.onConflictDoNothing();
}

/** A decision (accepted or rejected): counted on its day, timed, and measured against the promise. */
export async function recordDecision(
	tx: DatabaseOrTransaction,
	idea: RolledIdea,
	decision: { decidedAt: Date; isAccepted: boolean },
	timeZone: string
): Promise<void> {
	const day = localDate(decision.decidedAt, timeZone);
	await bumpDaily(tx, idea.teamId, day, { decided: 1, accepted: decision.isAccepted ? 1 : 0 });
	if (decision.decidedAt <= idea.decisionDueAt) {
		await bumpDaily(tx, idea.teamId, localDate(idea.decisionDueAt, timeZone), { dueMet: 1 });
	}
	await tx
		.insert(teamWeeklyDecisionTimes)
		.values({
			teamId: idea.teamId,
			weekStart: weekStartOf(day),
			bucket: decisionTimeBucket(idea.submittedAt, decision.decidedAt),
			decisions: 1
		})
		.onConflictDoUpdate({
			target: [
				teamWeeklyDecisionTimes.teamId,
				teamWeeklyDecisionTimes.weekStart,
				teamWeeklyDecisionTimes.bucket
			],
			set: { decisions: sql`${teamWeeklyDecisionTimes.decisions} + 1` }
		});
}

/** A vetoed self-approval: still decided on its day, but no longer accepted. */
export async function recordVeto(
	tx: DatabaseOrTransaction,
	idea: { teamId: string; decidedAt: Date },
	timeZone: string
): Promise<void> {
	await bumpDaily(tx, idea.teamId, localDate(idea.decidedAt, timeZone), { accepted: -1 });
}

export async function recordImplementation(
	tx: DatabaseOrTransaction,
	idea: { teamId: string },
	implementation: { implementedAt: Date; realisedSavings: number | null },
	timeZone: string
): Promise<void> {
	await bumpDaily(tx, idea.teamId, localDate(implementation.implementedAt, timeZone), {
		implemented: 1,
		realisedSavings: implementation.realisedSavings ?? 0
	});
}

/**
 * Comments count towards the day their idea was submitted (comments per idea submitted). Votes do
 * too, inside the vote's own statement (countVotesInRollup).
 */
export async function recordComments(
	tx: DatabaseOrTransaction,
	idea: { teamId: string; submittedAt: Date },
	comments: number,
	timeZone: string
): Promise<void> {
	await bumpDaily(tx, idea.teamId, localDate(idea.submittedAt, timeZone), { comments });
}

/**
 * Votes count towards the day their idea was submitted, as one item of the vote's WITH clause, so
 * a vote is a single round trip: adds `change` votes to the team and local day (in the rollup time
 * zone) of the idea in `ideaItem`, an earlier WITH item with `team_id` and `submitted_at`.
 */
export function countVotesInRollup(ideaItem: string, change: SQL): SQL {
	return sql`insert into ${teamDailyStats} (team_id, day, votes)
		select team_id,
			(submitted_at at time zone coalesce((select time_zone from ${organisationSettings}), ${DEFAULT_ROLLUP_TIME_ZONE}))::date,
			${change}
		from ${sql.identifier(ideaItem)} where ${change} <> 0
		on conflict (team_id, day) do update set votes = ${teamDailyStats.votes} + excluded.votes`;
}

export async function readRollupTimeZone(tx: DatabaseOrTransaction): Promise<string> {
	const [row] = await tx
		.select({ timeZone: organisationSettings.timeZone })
		.from(organisationSettings);
	return row?.timeZone ?? DEFAULT_ROLLUP_TIME_ZONE;
}

/**
 * Recomputes every rollup from the raw tables (after an import, a time-zone change, or to check
 * them). Runs in the caller's transaction, or its own.
 */
export async function rebuildRollups(tx: DatabaseOrTransaction): Promise<void> {
	const timeZone = await readRollupTimeZone(tx);
	const local = (column: string) => sql`(${sql.identifier(column)} at time zone ${timeZone})`;
	await tx.delete(teamDailyStats);
	await tx.delete(teamDailyBenefits);
	await tx.delete(teamWeeklyDecisionTimes);
	await tx.delete(teamWeeklySubmitters);
	await tx.execute(sql`
		insert into team_daily_stats
			(team_id, day, submitted, decided, accepted, implemented, due, due_met, votes, comments, realised_savings)
		select team_id, day, sum(submitted), sum(decided), sum(accepted), sum(implemented), sum(due),
			sum(due_met), sum(votes), sum(comments), sum(realised_savings)
		from (
			select team_id, ${local('submitted_at')}::date as day, 1 as submitted, 0 as decided,
				0 as accepted, 0 as implemented, 0 as due, 0 as due_met, vote_count as votes,
				comment_count as comments, 0::numeric as realised_savings
			from ideas
			union all
			select team_id, ${local('decided_at')}::date, 0, 1,
				(status in ('accepted', 'implemented', 'dropped'))::int, 0, 0, 0, 0, 0, 0
			from ideas where decided_at is not null
			union all
			select team_id, ${local('decision_due_at')}::date, 0, 0, 0, 0, 1,
				(decided_at is not null and decided_at <= decision_due_at)::int, 0, 0, 0
			from ideas
			union all
			select team_id, ${local('implemented_at')}::date, 0, 0, 0, 1, 0, 0, 0, 0,
				coalesce(realised_savings, 0)
			from ideas where implemented_at is not null
		) as events
		group by team_id, day
	`);
	await tx.execute(sql`
		insert into team_daily_benefits (team_id, day, benefit_type, submitted)
		select team_id, ${local('submitted_at')}::date, benefit_type, count(*)
		from ideas group by 1, 2, 3
	`);
	await tx.execute(sql`
		insert into team_weekly_decision_times (team_id, week_start, bucket, decisions)
		select team_id, date_trunc('week', ${local('decided_at')})::date,
			least(floor(extract(epoch from decided_at - submitted_at) / 43200), ${LAST_DECISION_BUCKET})::smallint,
			count(*)
		from ideas where decided_at is not null
		group by 1, 2, 3
	`);
	await tx.execute(sql`
		insert into team_weekly_submitters (team_id, week_start, person_id)
		select distinct team_id, date_trunc('week', ${local('submitted_at')})::date, author_id
		from ideas
	`);
}
