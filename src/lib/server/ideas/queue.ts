import { and, asc, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import { deadlineState, type DeadlineState } from '../../domain/deadline';
import { ideas } from '../db/schema';
import { getOrganisationSettings } from '../org/settings';
import type { Viewer } from './access';
import { selectIdeaCards, type IdeaCard } from './cards';
import { loadHierarchy, managedSubtreeFor, queueTeamsFor } from './routing';

export interface QueueItem extends IdeaCard {
	deadline: DeadlineState;
	/** Overdue in a team below this manager's direct responsibility: escalated to them. */
	isEscalated: boolean;
	/** Submitted by the manager of a team below, who does not decide their own idea. */
	isFromManagerBelow: boolean;
}

export interface ManagerQueue {
	awaiting: QueueItem[];
	/** Asked for more information: the author's turn, but the deadline still runs. */
	waitingForAuthor: QueueItem[];
	accepted: IdeaCard[];
	counts: {
		awaiting: number;
		overdue: number;
		dueToday: number;
		due48h: number;
		accepted: number;
		waitingForAuthor: number;
	};
}

/**
 * A manager's queue: ideas awaiting their decision — overdue first, then by deadline, then by
 * votes — plus overdue ideas escalated to them from the level below, and the accepted ideas of
 * their teams that wait to be implemented. Overdue and escalation are derived from the deadline at
 * read time, so nothing depends on a job having run.
 */
export async function listQueue(manager: Viewer, now = new Date()): Promise<ManagerQueue> {
	const [hierarchy, settings] = await Promise.all([loadHierarchy(), getOrganisationSettings()]);
	const { deciderTeamIds, escalationTeamIds, managerIdsBelow } = queueTeamsFor(
		hierarchy,
		manager.id
	);

	const scope = [];
	if (deciderTeamIds.length > 0) scope.push(inArray(ideas.teamId, deciderTeamIds));
	if (escalationTeamIds.length > 0) {
		// Overdue ideas from below, and ideas the managers below submitted themselves.
		const fromBelow = [lt(ideas.decisionDueAt, now)];
		if (managerIdsBelow.length > 0) fromBelow.push(inArray(ideas.authorId, managerIdsBelow));
		scope.push(and(inArray(ideas.teamId, escalationTeamIds), or(...fromBelow)));
	}
	const awaitingRows =
		scope.length === 0
			? []
			: await selectIdeaCards()
					.where(
						and(eq(ideas.status, 'awaiting_decision'), ne(ideas.authorId, manager.id), or(...scope))
					)
					.orderBy(asc(ideas.decisionDueAt), desc(ideas.voteCount), asc(ideas.id))
					.limit(500);
	const escalated = new Set(escalationTeamIds);
	const awaiting = awaitingRows.map((row) => ({
		...row,
		deadline: deadlineState(row.decisionDueAt, now, settings.timeZone),
		isEscalated: escalated.has(row.teamId) && row.decisionDueAt < now,
		isFromManagerBelow: escalated.has(row.teamId) && managerIdsBelow.includes(row.authorId)
	}));

	const waitingRows =
		deciderTeamIds.length === 0
			? []
			: await selectIdeaCards()
					.where(
						and(
							eq(ideas.status, 'needs_info'),
							ne(ideas.authorId, manager.id),
							inArray(ideas.teamId, deciderTeamIds)
						)
					)
					.orderBy(asc(ideas.decisionDueAt), asc(ideas.id))
					.limit(500);
	const waitingForAuthor = waitingRows.map((row) => ({
		...row,
		deadline: deadlineState(row.decisionDueAt, now, settings.timeZone),
		isEscalated: false,
		isFromManagerBelow: false
	}));

	const subtree = managedSubtreeFor(hierarchy, manager.id);
	const accepted =
		subtree.length === 0
			? []
			: await selectIdeaCards()
					.where(and(eq(ideas.status, 'accepted'), inArray(ideas.teamId, subtree)))
					.orderBy(sql`${ideas.targetDate} asc nulls last`, asc(ideas.id))
					.limit(500);

	return {
		awaiting,
		waitingForAuthor,
		accepted,
		counts: {
			awaiting: awaiting.length,
			overdue: awaiting.filter((item) => item.deadline.urgency === 'overdue').length,
			dueToday: awaiting.filter((item) => item.deadline.urgency === 'due_today').length,
			due48h: awaiting.filter((item) => item.deadline.urgency === 'due_48h').length,
			accepted: accepted.length,
			waitingForAuthor: waitingForAuthor.length
		}
	};
}
