import { and, isNull, lt, or, sql } from 'drizzle-orm';
import { db, type Database } from '../db';
import { hierarchyVersions, ideas } from '../db/schema';
import { currentHierarchyVersion, loadHierarchy, routeIdea } from './routing';

/** Any number, as long as nothing else in Teian takes this advisory lock. */
const ROUTING_LOCK = 7_301_001;

// Written out as the partial indexes have it: with constants the planner knows it may use them.
const isOpen = sql`${ideas.status} in ('awaiting_decision', 'needs_info')`;

/**
 * Brings the routes stored on open ideas up to date before the queue reads them: routes ideas
 * submitted or re-banded since (no route yet) and, after the hierarchy changed, every open idea
 * (its route is older than the hierarchy). The stored route is only the queue's index: each idea's
 * route is still worked out in full when shown, so a route a moment old never shows the wrong
 * manager an idea, and an idea is never left out once this has run. Returns the hierarchy version
 * it read (undefined when there was nothing to compare), for loadHierarchy.
 */
export async function refreshStoredRoutes(
	database: Database = db
): Promise<{ hierarchyVersion?: number | null }> {
	// The oldest stored route (unrouted first) against the hierarchy's version: one index probe.
	const [oldest] = await database
		.select({ version: ideas.routedAtVersion, current: currentHierarchyVersion })
		.from(ideas)
		.where(isOpen)
		.orderBy(sql`${ideas.routedAtVersion} asc nulls first`)
		.limit(1);
	const isStale =
		oldest &&
		(oldest.version === null || (oldest.current !== null && oldest.version < oldest.current));
	if (!isStale) return { hierarchyVersion: oldest?.current };

	return database.transaction(async (tx) => {
		// One router at a time; whoever waited finds the work done, or only what came since.
		await tx.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK})`);
		const [current] = await tx.select().from(hierarchyVersions);
		if (!current) return { hierarchyVersion: null }; // no teams yet, so no ideas either
		const hierarchy = await loadHierarchy(tx, current.version);
		const stale = await tx
			.select({
				id: ideas.id,
				teamId: ideas.teamId,
				authorId: ideas.authorId,
				approverLevel: ideas.approverLevel
			})
			.from(ideas)
			.where(
				and(isOpen, or(isNull(ideas.routedAtVersion), lt(ideas.routedAtVersion, current.version)))
			);
		const routes = stale.map((idea) => {
			const route = routeIdea(hierarchy, idea);
			return {
				id: idea.id,
				level: idea.approverLevel,
				decider: route.deciderTeamId,
				escalation: route.escalationTeamId
			};
		});
		// One statement for all of them. The band it was routed for must still be the idea's: one
		// re-banded meanwhile keeps no route and is routed next time.
		await tx.execute(
			sql`update ${ideas} set
					decider_team_id = route.decider, escalation_team_id = route.escalation,
					routed_at_version = ${current.version}
				from jsonb_to_recordset(${JSON.stringify(routes)}::jsonb)
					as route(id uuid, level approver_level, decider uuid, escalation uuid)
				where ${ideas.id} = route.id and ${ideas.approverLevel} = route.level`
		);
		return { hierarchyVersion: current.version };
	});
}

/** What re-banding an idea writes: no route until the next refresh works out the new one. */
export const routeForgotten = {
	routedAtVersion: null,
	deciderTeamId: null,
	escalationTeamId: null
};
