import { and, desc, eq, gte } from 'drizzle-orm';
import { instantAtWallClock, wallClockAt } from '../../domain/deadline';
import { anyId } from '../db/any-id';
import { ideas } from '../db/schema';
import type { Viewer } from '../ideas/access';
import { selectIdeaCards, type IdeaCard } from '../ideas/cards';
import { ancestorsAndSelf, loadHierarchy } from '../ideas/routing';
import { getOrganisationSettings } from '../org/settings';
import { listSubtreeTeamIds, getTeam } from '../org/teams';

export interface TeamWall {
	teamName: string;
	monthLabel: string;
	ideas: IdeaCard[];
}

/**
 * The wall of a person's site — the top-level team they belong to, with every team in it: the ideas
 * implemented since the start of this month (in the organisation's time zone), newest first.
 */
export async function getTeamWall(viewer: Viewer, now = new Date()): Promise<TeamWall> {
	const [hierarchy, settings] = await Promise.all([loadHierarchy(), getOrganisationSettings()]);
	const siteId = ancestorsAndSelf(hierarchy, viewer.homeTeamId).at(-1)!;
	const site = await getTeam(siteId);
	const teamIds = await listSubtreeTeamIds([siteId]);
	const today = wallClockAt(now, settings.timeZone);
	const monthStart = instantAtWallClock(
		{ ...today, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 },
		settings.timeZone
	);
	const rows = await selectIdeaCards()
		.where(
			and(
				eq(ideas.status, 'implemented'),
				anyId(ideas.teamId, teamIds),
				gte(ideas.implementedAt, monthStart)
			)
		)
		.orderBy(desc(ideas.implementedAt))
		.limit(100);
	return {
		teamName: site?.name ?? '',
		monthLabel: new Intl.DateTimeFormat('en-GB', {
			month: 'long',
			year: 'numeric',
			timeZone: settings.timeZone
		}).format(now),
		ideas: rows
	};
}
