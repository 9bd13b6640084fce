import { and, asc, inArray, lt } from 'drizzle-orm';
import { deadlineState, type DeadlineState } from '../../domain/deadline';
import { UNDECIDED_STATUSES } from '../../domain/status';
import { db } from '../db';
import { ideas, people } from '../db/schema';
import { getOrganisationSettings } from '../org/settings';
import { selectIdeaCards, type IdeaCard } from './cards';
import { loadHierarchy, routeIdea } from './routing';

/** What HR sees of an overdue idea: no author, only the process that is late. */
export interface OverdueIdea extends Pick<IdeaCard, 'id' | 'title' | 'status' | 'teamName'> {
	deadline: DeadlineState;
	/** Who should have decided, and who it has escalated to. */
	deciderNames: string[];
	escalationNames: string[];
}

/**
 * Every idea past its deadline without a decision (also those waiting for the author's answer),
 * longest overdue first, with the managers it waits on: where the ten-day promise is broken.
 */
export async function listOverdueIdeas(now = new Date()): Promise<OverdueIdea[]> {
	const [hierarchy, settings] = await Promise.all([loadHierarchy(), getOrganisationSettings()]);
	const rows = await selectIdeaCards()
		.where(and(inArray(ideas.status, UNDECIDED_STATUSES), lt(ideas.decisionDueAt, now)))
		.orderBy(asc(ideas.decisionDueAt))
		.limit(500);
	const names = new Map(
		(await db.select({ id: people.id, name: people.displayName }).from(people)).map((p) => [
			p.id,
			p.name
		])
	);
	const nameAll = (ids: string[]) => ids.map((id) => names.get(id) ?? 'Unknown').sort();
	return rows.map((row) => {
		const route = routeIdea(hierarchy, row);
		return {
			id: row.id,
			title: row.title,
			status: row.status,
			teamName: row.teamName,
			deadline: deadlineState(row.decisionDueAt, now, settings.timeZone),
			deciderNames: nameAll(route.deciders),
			escalationNames: nameAll(route.escalation)
		};
	});
}
