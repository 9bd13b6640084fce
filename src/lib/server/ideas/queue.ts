import { and, asc, desc, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { vetoDeadline, vetoWindowStart } from '../../domain/approval';
import { deadlineState, type DeadlineState } from '../../domain/deadline';
import type { IdeaStatus } from '../../domain/ideas';
import { shownLength } from '../../domain/paging';
import { db, preparedQuery, selectRows } from '../db';
import { anyOfManyIds } from '../db/any-id';
import { ideas } from '../db/schema';
import { settingColumn } from '../org/settings';
import type { Viewer } from './access';
import { ideaCardColumns, type IdeaCard } from './cards';
import { readAccessContext, recentAccessContext } from './load';
import { managedSubtreeFor, routeIdea, teamsManagedBy, type TeamHierarchy } from './routing';
import {
	areStoredRoutesCurrent,
	refreshStoredRoutes,
	storedRoutesState,
	versionOf,
	type StoredRoutesState
} from './stored-routes';

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

/** The cards a `?show=` asks for: whole pages (see shownLength). */
export const queuePageLength = (requested: string | null) =>
	shownLength(requested, QUEUE_PAGE_SIZE);

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

/** Which list of the queue a card belongs to. */
type QueueList = 'awaiting' | 'waiting' | 'vetoable' | 'accepted';

/** A card for one of the lists, marked with its list. */
const selectQueueCards = (list: QueueList, where: SQL | undefined) =>
	db
		.select({ ...ideaCardColumns, list: sql<QueueList>`${list}::text` })
		.from(ideas)
		.where(where)
		.$dynamic();

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
	// Two statements at once, with the hierarchy as last read; the first says whether it and the
	// stored routes the second relies on are current. Rarely not: then bring them up to date and
	// read again.
	let assumed = await recentAccessContext();
	let read = await readQueue(manager, assumed.context.hierarchy, now, tab, shown);
	if (
		!areStoredRoutesCurrent(read.summary) ||
		versionOf(read.summary.hierarchyVersion) !== assumed.hierarchyVersion
	) {
		await refreshStoredRoutes();
		assumed = await readAccessContext();
		read = await readQueue(manager, assumed.context.hierarchy, now, tab, shown);
	}
	const hierarchy = assumed.context.hierarchy;
	const { timeZone } = read.summary;
	const cardsIn = (list: QueueList): IdeaCard[] =>
		read.cards.filter((card) => card.list === list).map(({ list: _, ...card }) => card);

	// The stored routes found the candidates; each one's full route says exactly whose it is (a
	// manager of two levels decides at the nearer one only).
	const awaiting = cardsIn('awaiting').flatMap((row) => {
		const route = routeIdea(hierarchy, row);
		const isOverdue = row.decisionDueAt < now;
		const isDecider = route.deciders.includes(manager.id);
		if (!isDecider && !(isOverdue && route.escalation.includes(manager.id))) return [];
		return [
			{
				...row,
				deadline: deadlineState(row.decisionDueAt, now, timeZone),
				isEscalated: !isDecider,
				isFromManagerBelow: route.levels
					.slice(0, Math.max(route.deciderLevel, 0))
					.some((level) => level.includes(row.authorId))
			}
		];
	});
	const waitingForAuthor = cardsIn('waiting')
		.filter((row) => routeIdea(hierarchy, row).deciders.includes(manager.id))
		.map((row) => ({
			...row,
			deadline: deadlineState(row.decisionDueAt, now, timeZone),
			isEscalated: false,
			isFromManagerBelow: false
		}));
	const accepted = cardsIn('accepted');
	const acceptedFound = Number(read.summary.acceptedFound);
	const vetoable = cardsIn('vetoable').map((row) => ({
		...row,
		vetoUntil: vetoDeadline(row.selfApprovedAt!)
	}));

	return {
		timeZone,
		awaiting: awaiting.slice(0, shown),
		waitingForAuthor: waitingForAuthor.slice(0, shown),
		// Counted up to 100, shown a page at a time like the other lists.
		accepted,
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

type QueueSummary = StoredRoutesState & {
	timeZone: string;
	/** Accepted ideas of the manager's teams, up to one more than the list shows. */
	acceptedFound: string | number;
};

/** Which lists a manager's queue has: the statement for each shape is built once. */
interface QueueShape {
	decides: boolean;
	overseesTeams: boolean;
	tab: QueueTab;
}

/**
 * The values a queue's card statement takes. Each reaches it through a sub-select, hidden from the
 * planner, so its plan is the same for every manager and PostgreSQL plans it once per connection
 * instead of on every request (0.6 ms, four times the statement's run at 3 M ideas); the statuses
 * are written out instead, so that plan can use the partial indexes on open and accepted ideas.
 */
const param = {
	managerId: sql.placeholder('managerId'),
	ownTeams: sql.placeholder('ownTeams'),
	subtree: sql.placeholder('subtree'),
	now: sql`(select ${sql.placeholder('now')}::timestamptz)`,
	vetoSince: sql`(select ${sql.placeholder('vetoSince')}::timestamptz)`
};

const hasStatus = (status: IdeaStatus) => sql`${ideas.status} = ${sql.raw(`'${status}'`)}`;

const isAcceptedInSubtree = and(hasStatus('accepted'), anyOfManyIds(ideas.teamId, param.subtree));

/** Every card list of a queue of this shape, each a branch of one UNION ALL with its own order and limit. */
function buildQueueCards({ decides, overseesTeams, tab }: QueueShape) {
	const lists = [];
	if (decides) {
		// The stored routes find the candidates through their indexes: ideas decided by a team
		// this manager manages, and overdue ones escalating to it.
		const isDecided = anyOfManyIds(ideas.deciderTeamId, param.ownTeams);
		const isEscalated = and(
			anyOfManyIds(ideas.escalationTeamId, param.ownTeams),
			lt(ideas.decisionDueAt, param.now)
		);
		const othersIdeas = (status: IdeaStatus, condition: SQL | undefined) =>
			and(hasStatus(status), ne(ideas.authorId, param.managerId), condition);
		lists.push(
			selectQueueCards('awaiting', othersIdeas('awaiting_decision', or(isDecided, isEscalated)))
				.orderBy(asc(ideas.decisionDueAt), desc(ideas.voteCount), asc(ideas.id))
				.limit(500),
			selectQueueCards('waiting', othersIdeas('needs_info', isDecided))
				.orderBy(asc(ideas.decisionDueAt), asc(ideas.id))
				.limit(500)
		);
	}
	if (overseesTeams) {
		// Its own list: a fresh acceptance has a late target date and could fall off the one below.
		lists.push(
			selectQueueCards(
				'vetoable',
				and(isAcceptedInSubtree, gte(ideas.selfApprovedAt, param.vetoSince))
			)
				.orderBy(desc(ideas.selfApprovedAt))
				.limit(100)
		);
		// Only the cards shown (how many there are is counted apart).
		if (tab === 'accepted') {
			const soonestTargetFirst = [sql`${ideas.targetDate} asc nulls last`, asc(ideas.id)];
			// Which ones, from the index alone; then their cards.
			const shownIds = db
				.select({ id: ideas.id })
				.from(ideas)
				.where(isAcceptedInSubtree)
				.orderBy(...soonestTargetFirst)
				.limit(sql.placeholder('acceptedShown'));
			lists.push(
				selectQueueCards('accepted', inArray(ideas.id, shownIds))
					.orderBy(...soonestTargetFirst)
					.limit(ACCEPTED_SHOWN)
			);
		}
	}
	const [first, second, ...rest] = lists;
	// Each branch keeps its order in the result: UNION ALL appends the branches as they come.
	return (second ? unionAll(first, second, ...rest) : first)?.prepare(
		`queue_cards_${Number(decides)}${Number(overseesTeams)}_${tab}`
	);
}

/** The card statements by shape, built once per database: building one took a tenth of a request. */
const queueCardStatements = preparedQuery(
	() => new Map<string, ReturnType<typeof buildQueueCards>>()
);

function queueCards(shape: QueueShape) {
	const key = JSON.stringify(shape);
	const statements = queueCardStatements();
	if (!statements.has(key)) statements.set(key, buildQueueCards(shape));
	return statements.get(key);
}

/**
 * The queue's two statements, sent together: the summary (whether the hierarchy and the stored
 * routes are current, the time zone, how many accepted ideas wait) and every card.
 */
async function readQueue(
	manager: Viewer,
	hierarchy: TeamHierarchy,
	now: Date,
	tab: QueueTab,
	/** Accepted cards to read, on their tab. */
	shown: number
) {
	const ownTeams = teamsManagedBy(hierarchy, manager.id);
	const subtree = managedSubtreeFor(hierarchy, manager.id);
	const cards = queueCards({
		decides: ownTeams.length > 0,
		overseesTeams: subtree.length > 0,
		tab
	});
	// The number of accepted ideas, for either tab (up to one more than the list goes, to tell "100"
	// from "more than 100"). The status and the limit as constants: PostgreSQL plans this statement
	// once for every manager, and only a plan that knows the status can use the accepted ideas' index.
	const acceptedFound =
		subtree.length > 0
			? sql`(select count(*) from (select 1 from ${ideas}
				where ${ideas.status} = 'accepted' and ${anyOfManyIds(ideas.teamId, subtree)}
				limit ${sql.raw(String(ACCEPTED_SHOWN + 1))}) as found)`
			: sql`0`;
	const [[summary], rows] = await Promise.all([
		selectRows<QueueSummary>(
			db,
			sql`select ${storedRoutesState},
				${settingColumn('timeZone')} as "timeZone",
				${acceptedFound} as "acceptedFound"`
		),
		cards?.execute({
			managerId: manager.id,
			ownTeams,
			subtree,
			now: now.toISOString(),
			vetoSince: vetoWindowStart(now).toISOString(),
			acceptedShown: Math.min(shown, ACCEPTED_SHOWN)
		}) ?? []
	]);
	return { summary, cards: rows };
}
