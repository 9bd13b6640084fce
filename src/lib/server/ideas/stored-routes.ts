import { and, asc, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import type { ApproverLevel } from '../../domain/approval';
import { UNDECIDED_STATUSES } from '../../domain/status';
import { db, selectRows, type Database, type DatabaseOrTransaction } from '../db';
import { hierarchyVersions, ideas } from '../db/schema';
import { loadHierarchy, routeIdea, type IdeaRoute } from './routing';

/** Any number, as long as nothing else in Teian takes this advisory lock. */
const ROUTING_LOCK = 7_301_001;

// The statuses as constants, as the partial indexes have them: only then may the planner use those.
const isOpen = sql`${ideas.status} in (${sql.raw(UNDECIDED_STATUSES.map((status) => `'${status}'`).join(', '))})`;

/**
 * Routes an idea as it is written (at submission): its route now, and the columns that store it
 * for the manager queue, stamped with the hierarchy version it was worked out at.
 */
export async function routeToStore(
	tx: DatabaseOrTransaction,
	idea: { teamId: string; authorId: string; approverLevel: ApproverLevel }
): Promise<{
	route: IdeaRoute;
	stored: {
		deciderTeamId: string | null;
		escalationTeamId: string | null;
		routedAtVersion: number | null;
	};
}> {
	// The version first: a hierarchy read after it is as new or newer, and a route stamped with a
	// version older than its hierarchy is only routed once more (see refreshStoredRoutes).
	const [current] = await tx.select().from(hierarchyVersions);
	const route = routeIdea(await loadHierarchy(tx, current?.version ?? null), idea);
	return {
		route,
		stored: {
			deciderTeamId: route.deciderTeamId,
			escalationTeamId: route.escalationTeamId,
			routedAtVersion: current?.version ?? null
		}
	};
}

/** What re-banding an idea writes: no stored route until the next refresh works out the new one. */
export const routeForgotten = {
	routedAtVersion: null,
	deciderTeamId: null,
	escalationTeamId: null
};

/**
 * Whether the stored routes are current, as columns for a query of its own or of someone else's:
 * whether any idea is open, and the lowest stored version (unrouted first) and the highest against
 * the hierarchy's: three probes of one index. (Asked with exists(), the planner may scan the table
 * instead when many ideas are open, and meet them late: 3 ms at 20 k ideas.)
 */
const firstOpen = (column: SQL, order: 'asc nulls first' | 'desc nulls last') =>
	sql`(select ${column} from ${ideas} where ${isOpen}
		order by ${ideas.routedAtVersion} ${sql.raw(order)} limit 1)`;
const storedVersion = (order: 'asc nulls first' | 'desc nulls last') =>
	firstOpen(sql`${ideas.routedAtVersion}`, order);
export const storedRoutesState = sql`${firstOpen(sql`true`, 'asc nulls first')} is not null as "hasOpenIdeas",
	${storedVersion('asc nulls first')} as "lowestRoutedAt",
	${storedVersion('desc nulls last')} as "highestRoutedAt",
	(select ${hierarchyVersions.version} from ${hierarchyVersions}) as "hierarchyVersion"`;

type Version = string | number | null;
export type StoredRoutesState = {
	hasOpenIdeas: boolean;
	lowestRoutedAt: Version;
	highestRoutedAt: Version;
	hierarchyVersion: Version;
};

/** A version as read by raw SQL (bigint: a string on postgres.js), as a number. */
export const versionOf = (version: Version) => (version === null ? null : Number(version));

/** No open idea waits for a route, and every stored route was worked out at the current version. */
export function areStoredRoutesCurrent(state: StoredRoutesState): boolean {
	const current = versionOf(state.hierarchyVersion);
	const isCurrent = (version: Version) => current !== null && versionOf(version) === current;
	return (
		!state.hasOpenIdeas || (isCurrent(state.lowestRoutedAt) && isCurrent(state.highestRoutedAt))
	);
}

/**
 * Brings the routes stored on open ideas up to date before the queue reads them: routes ideas
 * re-banded since (no route) and, after the hierarchy changed, every open idea (its route was
 * worked out at another version). Versions are compared for equality, not order: two changes may
 * commit in the opposite order of their versions. The background jobs run this every minute, so a
 * request seldom has to. The stored route is only the queue's index: each idea's route is still
 * worked out in full when shown, so a route a moment old never shows the wrong manager an idea.
 */
export async function refreshStoredRoutes(database: Database = db): Promise<void> {
	const [state] = await selectRows<StoredRoutesState>(database, sql`select ${storedRoutesState}`);
	if (areStoredRoutesCurrent(state)) return;

	await database.transaction(async (tx) => {
		// One router at a time; whoever waited finds the work done, or only what came since.
		await tx.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK})`);
		const [current] = await tx.select().from(hierarchyVersions);
		if (!current) return; // no teams yet, so no ideas either
		const hierarchy = await loadHierarchy(tx, current.version);
		// Locked in id order, as saving the approval bands locks them: the two never deadlock.
		const stale = await tx
			.select({
				id: ideas.id,
				teamId: ideas.teamId,
				authorId: ideas.authorId,
				approverLevel: ideas.approverLevel
			})
			.from(ideas)
			.where(
				and(isOpen, or(isNull(ideas.routedAtVersion), ne(ideas.routedAtVersion, current.version)))
			)
			.orderBy(asc(ideas.id))
			.for('update');
		const routes = stale.map((idea) => {
			const route = routeIdea(hierarchy, idea);
			return { id: idea.id, decider: route.deciderTeamId, escalation: route.escalationTeamId };
		});
		await tx.execute(
			sql`update ${ideas} set
					decider_team_id = route.decider, escalation_team_id = route.escalation,
					routed_at_version = ${current.version}
				from jsonb_to_recordset(${JSON.stringify(routes)}::jsonb)
					as route(id uuid, decider uuid, escalation uuid)
				where ${ideas.id} = route.id`
		);
	});
}
