import { and, asc, count, inArray, lt } from 'drizzle-orm';
import { deadlineState, type DeadlineState } from '../../domain/deadline';
import { UNDECIDED_STATUSES } from '../../domain/status';
import { db } from '../db';
import { anyId } from '../db/any-id';
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

export interface OverdueList {
	/** The longest overdue, up to the length asked for… */
	ideas: OverdueIdea[];
	/** …of this many overdue ideas in all. */
	total: number;
}

/**
 * Ideas past their deadline without a decision (also those waiting for the author's answer),
 * longest overdue first, with the managers they wait on: where the ten-day promise is broken. The
 * first `limit` of them, and how many there are.
 */
export async function listOverdueIdeas(limit: number, now = new Date()): Promise<OverdueList> {
	const isOverdue = and(inArray(ideas.status, UNDECIDED_STATUSES), lt(ideas.decisionDueAt, now));
	const [hierarchy, settings, rows, [{ total }]] = await Promise.all([
		loadHierarchy(),
		getOrganisationSettings(),
		selectIdeaCards()
			.where(isOverdue)
			.orderBy(asc(ideas.decisionDueAt), asc(ideas.id))
			.limit(limit),
		db.select({ total: count() }).from(ideas).where(isOverdue)
	]);
	const routes = rows.map((row) => routeIdea(hierarchy, row));
	const managerIds = [
		...new Set(routes.flatMap((route) => [...route.deciders, ...route.escalation]))
	];
	// Only the managers these ideas wait on: an organisation has 100,000 people.
	const names = new Map(
		managerIds.length === 0
			? []
			: (
					await db
						.select({ id: people.id, name: people.displayName })
						.from(people)
						.where(anyId(people.id, managerIds))
				).map((person) => [person.id, person.name])
	);
	const nameAll = (ids: string[]) => ids.map((id) => names.get(id) ?? 'Unknown').sort();
	return {
		total,
		ideas: rows.map((row, index) => ({
			id: row.id,
			title: row.title,
			status: row.status,
			teamName: row.teamName,
			deadline: deadlineState(row.decisionDueAt, now, settings.timeZone),
			deciderNames: nameAll(routes[index].deciders),
			escalationNames: nameAll(routes[index].escalation)
		}))
	};
}
