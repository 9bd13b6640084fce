import { and, asc, desc, eq, gte, lt, ne, or, sql } from 'drizzle-orm';
import { vetoDeadline, vetoWindowStart } from '../../domain/approval';
import { deadlineState, type DeadlineState } from '../../domain/deadline';
import { db } from '../db';
import { anyId } from '../db/any-id';
import { ideas } from '../db/schema';
import { getOrganisationSettings } from '../org/settings';
import type { Viewer } from './access';
import { selectIdeaCards, type IdeaCard } from './cards';
import { loadHierarchy, managedSubtreeFor, routeIdea, teamsManagedBy } from './routing';
import { refreshStoredRoutes } from './stored-routes';

/** The accepted ideas shown, soonest target first: a working list, not an archive. */
const ACCEPTED_SHOWN = 100;

/** Cards per page: each carries its decision forms, so a long queue is shown a page at a time. */
export const QUEUE_PAGE_SIZE = 20;

/** The queue's two tabs; the ideas to implement are only read when their tab is open. */
export type QueueTab = 'awaiting' | 'accepted';

export interface QueueOptions {
	tab?: QueueTab;
	/** How many awaiting (and waiting) cards to return; the counts cover them all. */
	shown?: number;
}

/** The cards a `?show=` asks for: whole pages, at least one. */
export function queuePageLength(requested: string | null): number {
	const pages = Math.ceil(Number(requested) / QUEUE_PAGE_SIZE);
	return Number.isSafeInteger(pages) && pages > 1 ? pages * QUEUE_PAGE_SIZE : QUEUE_PAGE_SIZE;
}

export interface QueueItem extends IdeaCard {
	deadline: DeadlineState;
	/** Overdue in a team below this manager's direct responsibility: escalated to them. */
	isEscalated: boolean;
	/** Submitted by the manager of a team below, who does not decide their own idea. */
	isFromManagerBelow: boolean;
}

export interface ManagerQueue {
	/** The organisation's time zone, which the deadlines were worked out in. */
	timeZone: string;
	awaiting: QueueItem[];
	/** Asked for more information: the author's turn, but the deadline still runs. */
	waitingForAuthor: QueueItem[];
	/** Only read on the 'accepted' tab. */
	accepted: IdeaCard[];
	/** Accepted by their team's own vote in the last 48 hours: this manager may still veto them. */
	vetoable: (IdeaCard & { vetoUntil: Date })[];
	counts: {
		awaiting: number;
		overdue: number;
		dueToday: number;
		due48h: number;
		/** Up to ACCEPTED_SHOWN: the list goes no further… */
		accepted: number;
		/** …and whether there are more than that. */
		hasMoreAccepted: boolean;
		waitingForAuthor: number;
	};
}

/**
 * A manager's queue: ideas awaiting their decision — overdue first, then by deadline, then by
 * votes — plus overdue ideas escalated to them from the level below, and the accepted ideas of
 * their teams that wait to be implemented. Overdue and escalation are derived from the deadline at
 * read time, so nothing depends on a job having run.
 */
export async function listQueue(
	manager: Viewer,
	now = new Date(),
	{ tab = 'awaiting', shown = Infinity }: QueueOptions = {}
): Promise<ManagerQueue> {
	const { hierarchyVersion } = await refreshStoredRoutes();
	const [hierarchy, settings] = await Promise.all([
		loadHierarchy(db, hierarchyVersion),
		getOrganisationSettings()
	]);
	// The stored routes find the candidates through their indexes: ideas decided by a team this
	// manager manages, and overdue ones escalating to it. Each one's full route then says exactly
	// whose it is (a manager of two levels decides at the nearer one only).
	const ownTeams = teamsManagedBy(hierarchy, manager.id);
	const decides = ownTeams.length > 0 ? anyId(ideas.deciderTeamId, ownTeams) : sql`false`;
	const escalated =
		ownTeams.length > 0
			? and(anyId(ideas.escalationTeamId, ownTeams), lt(ideas.decisionDueAt, now))
			: sql`false`;
	const routeOf = (row: IdeaCard) => routeIdea(hierarchy, row);
	const awaitingRows = await selectIdeaCards()
		.where(
			and(
				eq(ideas.status, 'awaiting_decision'),
				ne(ideas.authorId, manager.id),
				or(decides, escalated)
			)
		)
		.orderBy(asc(ideas.decisionDueAt), desc(ideas.voteCount), asc(ideas.id))
		.limit(500);
	const awaiting = awaitingRows.flatMap((row) => {
		const route = routeOf(row);
		const isOverdue = row.decisionDueAt < now;
		const isDecider = route.deciders.includes(manager.id);
		if (!isDecider && !(isOverdue && route.escalation.includes(manager.id))) return [];
		return [
			{
				...row,
				deadline: deadlineState(row.decisionDueAt, now, settings.timeZone),
				isEscalated: !isDecider,
				isFromManagerBelow: route.levels
					.slice(0, Math.max(route.deciderLevel, 0))
					.some((level) => level.includes(row.authorId))
			}
		];
	});

	const waitingRows = await selectIdeaCards()
		.where(and(eq(ideas.status, 'needs_info'), ne(ideas.authorId, manager.id), decides))
		.orderBy(asc(ideas.decisionDueAt), asc(ideas.id))
		.limit(500);
	const waitingForAuthor = waitingRows
		.filter((row) => routeOf(row).deciders.includes(manager.id))
		.map((row) => ({
			...row,
			deadline: deadlineState(row.decisionDueAt, now, settings.timeZone),
			isEscalated: false,
			isFromManagerBelow: false
		}));

	const subtree = managedSubtreeFor(hierarchy, manager.id);
	const isAccepted = and(eq(ideas.status, 'accepted'), anyId(ideas.teamId, subtree));
	// One more than the list holds, to tell "100" from "more than 100". On the other tab only
	// their number is needed.
	const accepted =
		subtree.length > 0 && tab === 'accepted'
			? await selectIdeaCards()
					.where(isAccepted)
					.orderBy(sql`${ideas.targetDate} asc nulls last`, asc(ideas.id))
					.limit(ACCEPTED_SHOWN + 1)
			: [];
	const acceptedFound =
		subtree.length === 0 || tab === 'accepted'
			? accepted.length
			: (
					await db
						.select({ id: ideas.id })
						.from(ideas)
						.where(isAccepted)
						.limit(ACCEPTED_SHOWN + 1)
				).length;

	// Its own query: a fresh acceptance has a late target date and could fall off the list above.
	const vetoable =
		subtree.length === 0
			? []
			: (
					await selectIdeaCards()
						.where(and(isAccepted, gte(ideas.selfApprovedAt, vetoWindowStart(now))))
						.orderBy(desc(ideas.selfApprovedAt))
						.limit(100)
				).map((row) => ({ ...row, vetoUntil: vetoDeadline(row.selfApprovedAt!) }));

	return {
		timeZone: settings.timeZone,
		awaiting: awaiting.slice(0, shown),
		waitingForAuthor: waitingForAuthor.slice(0, shown),
		accepted: accepted.slice(0, ACCEPTED_SHOWN),
		vetoable,
		counts: {
			awaiting: awaiting.length,
			overdue: awaiting.filter((item) => item.deadline.urgency === 'overdue').length,
			dueToday: awaiting.filter((item) => item.deadline.urgency === 'due_today').length,
			due48h: awaiting.filter((item) => item.deadline.urgency === 'due_48h').length,
			accepted: Math.min(acceptedFound, ACCEPTED_SHOWN),
			hasMoreAccepted: acceptedFound > ACCEPTED_SHOWN,
			waitingForAuthor: waitingForAuthor.length
		}
	};
}
