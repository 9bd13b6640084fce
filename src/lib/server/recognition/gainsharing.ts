import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { localDate } from '../../domain/deadline';
import {
	gainsharingAmount,
	gainsharingNote,
	gainsharingPeriodEnd,
	gainsharingPeriodStart
} from '../../domain/gainsharing';
import { db, type DatabaseOrTransaction } from '../db';
import { gainsharingEntries, ideas, teams } from '../db/schema';
import { getOrganisationSettings } from '../org/settings';

/**
 * An implemented idea's realised savings accrue, at the organisation's share, to its team's pool
 * for the four-week period of the implementation. In the implementation's transaction; once per idea.
 */
export async function accrueGainsharing(
	tx: DatabaseOrTransaction,
	idea: { id: string; teamId: string },
	realisedSavings: number | null,
	implementedAt: Date
): Promise<void> {
	if (!realisedSavings || realisedSavings <= 0) return;
	const settings = await getOrganisationSettings(tx);
	const percent = settings.gainsharingPercent;
	const amount = gainsharingAmount(realisedSavings, percent);
	if (amount <= 0) return;
	await tx
		.insert(gainsharingEntries)
		.values({
			teamId: idea.teamId,
			periodStart: gainsharingPeriodStart(localDate(implementedAt, settings.timeZone)),
			ideaId: idea.id,
			reason: 'implementation',
			amount,
			note: gainsharingNote(realisedSavings, percent),
			createdAt: implementedAt
		})
		.onConflictDoNothing();
}

export interface TeamPool {
	teamName: string;
	/** Older periods with entries exist beyond those given. */
	hasEarlier: boolean;
	periods: {
		periodStart: string;
		periodEnd: string;
		total: number;
		entries: {
			id: number;
			amount: number;
			reason: string;
			ideaId: string | null;
			ideaTitle: string | null;
			note: string | null;
		}[];
	}[];
}

/** A team's gainsharing pool per four-week period, newest first: what its members see. */
export async function getTeamPool(teamId: string, periodsShown = 6): Promise<TeamPool> {
	const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId));
	// The latest periods with entries (three years are 39 periods and thousands of ideas).
	const starts = await db
		.selectDistinct({ periodStart: gainsharingEntries.periodStart })
		.from(gainsharingEntries)
		.where(eq(gainsharingEntries.teamId, teamId))
		.orderBy(desc(gainsharingEntries.periodStart))
		.limit(periodsShown + 1);
	const oldestShown = starts.slice(0, periodsShown).at(-1)?.periodStart;
	if (!oldestShown) return { teamName: team?.name ?? '', periods: [], hasEarlier: false };
	const rows = await db
		.select({
			id: gainsharingEntries.id,
			periodStart: gainsharingEntries.periodStart,
			amount: gainsharingEntries.amount,
			reason: gainsharingEntries.reason,
			ideaId: gainsharingEntries.ideaId,
			ideaTitle: ideas.title,
			note: gainsharingEntries.note
		})
		.from(gainsharingEntries)
		.leftJoin(ideas, eq(ideas.id, gainsharingEntries.ideaId))
		.where(
			and(eq(gainsharingEntries.teamId, teamId), gte(gainsharingEntries.periodStart, oldestShown))
		)
		.orderBy(desc(gainsharingEntries.periodStart), asc(gainsharingEntries.id));
	const periods = new Map<string, TeamPool['periods'][number]>();
	for (const { periodStart, ...entry } of rows) {
		let period = periods.get(periodStart);
		if (!period) {
			period = { periodStart, periodEnd: gainsharingPeriodEnd(periodStart), total: 0, entries: [] };
			periods.set(periodStart, period);
		}
		period.entries.push(entry);
		period.total = Math.round((period.total + entry.amount) * 100) / 100;
	}
	return {
		teamName: team?.name ?? '',
		periods: [...periods.values()],
		hasEarlier: starts.length > periodsShown
	};
}
