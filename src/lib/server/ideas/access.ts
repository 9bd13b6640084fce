import { eq, or, type Placeholder, type SQL } from 'drizzle-orm';
import type { IdeaVisibility } from '../../domain/ideas';
import type { Role } from '../../domain/roles';
import { isDecided } from '../../domain/status';
import type { IdeaStatus } from '../../domain/ideas';
import { db, type DatabaseOrTransaction } from '../db';
import { anyOfManyIds } from '../db/any-id';
import { ideas } from '../db/schema';
import { getOrganisationSettings } from '../org/settings';
import type { ApproverLevel } from '../../domain/approval';
import { canApproveIdea, canDecideForTeam, managedSubtreeFor, type TeamHierarchy } from './routing';

/** The person looking, as the domain needs them (no request objects). */
export interface Viewer {
	id: string;
	roles: Role[];
	homeTeamId: string;
}

export interface AccessContext {
	hierarchy: TeamHierarchy;
	visibility: IdeaVisibility;
}

export async function loadIdeaVisibility(tx: DatabaseOrTransaction = db): Promise<IdeaVisibility> {
	return (await getOrganisationSettings(tx)).ideaVisibility;
}

const readsEverything = (viewer: Viewer) =>
	viewer.roles.includes('hr') || viewer.roles.includes('admin');

/**
 * Who may read an idea: its author; HR and administrators; managers of its team or above; and
 * employees — everyone's ideas, or only their own team's when the organisation limits it.
 */
export function canViewIdea(
	viewer: Viewer,
	idea: { authorId: string; teamId: string; ownerId?: string | null },
	context: AccessContext
): boolean {
	if (idea.authorId === viewer.id || idea.ownerId === viewer.id || readsEverything(viewer)) {
		return true;
	}
	if (canDecideForTeam(context.hierarchy, viewer.id, idea.teamId)) return true;
	if (!viewer.roles.includes('employee')) return false;
	return context.visibility === 'organisation' || idea.teamId === viewer.homeTeamId;
}

/**
 * Whether to take an idea up is decided by the approvers of its cost band or managers above them;
 * once accepted, any manager of its team or above follows it through (implemented, dropped, or a
 * team's acceptance vetoed). HR and admin roles don't decide, and nobody decides their own idea.
 */
export function canDecideIdea(
	viewer: Viewer,
	idea: { teamId: string; authorId: string; approverLevel: ApproverLevel; status: IdeaStatus },
	context: AccessContext
): boolean {
	if (!viewer.roles.includes('manager') || idea.authorId === viewer.id) return false;
	return !isDecided(idea.status)
		? canApproveIdea(context.hierarchy, viewer.id, idea)
		: canDecideForTeam(context.hierarchy, viewer.id, idea.teamId);
}

/** Colleagues vote on ideas still to be decided, never on their own. */
export function canVoteOnIdea(
	viewer: Viewer,
	idea: { authorId: string; teamId: string; status: IdeaStatus },
	context: AccessContext
): boolean {
	return (
		idea.authorId !== viewer.id && !isDecided(idea.status) && canViewIdea(viewer, idea, context)
	);
}

/**
 * Which ideas a viewer sees beyond those they wrote or own: every idea, none, or those of some
 * teams (those they manage, and their own team's when the organisation limits employees to it).
 */
export type IdeaScope =
	{ kind: 'all' } | { kind: 'own' } | { kind: 'ownOrTeams'; teamIds: string[] };

/** The scope canViewIdea allows a viewer, beyond their own ideas, in an access context. */
export function ideaScopeFor(viewer: Viewer, context: AccessContext): IdeaScope {
	if (readsEverything(viewer)) return { kind: 'all' };
	if (viewer.roles.includes('employee') && context.visibility === 'organisation') {
		return { kind: 'all' };
	}
	const teamIds = [...managedSubtreeFor(context.hierarchy, viewer.id)];
	if (viewer.roles.includes('employee')) teamIds.push(viewer.homeTeamId);
	return teamIds.length > 0 ? { kind: 'ownOrTeams', teamIds } : { kind: 'own' };
}

/**
 * A scope as a WHERE condition (undefined: no limit), for a viewer and team list given as values
 * or as placeholders of a prepared statement.
 */
export function ideaScopeCondition(
	kind: IdeaScope['kind'],
	viewerId: string | Placeholder,
	teamIds: readonly string[] | Placeholder
): SQL | undefined {
	if (kind === 'all') return undefined;
	const ownIdeas = or(eq(ideas.authorId, viewerId), eq(ideas.ownerId, viewerId));
	return kind === 'ownOrTeams' ? or(ownIdeas, anyOfManyIds(ideas.teamId, teamIds)) : ownIdeas;
}

/** The same rule as canViewIdea, as a WHERE condition for lists; undefined means no limit. */
export function visibleIdeasCondition(viewer: Viewer, context: AccessContext): SQL | undefined {
	const scope = ideaScopeFor(viewer, context);
	return ideaScopeCondition(
		scope.kind,
		viewer.id,
		scope.kind === 'ownOrTeams' ? scope.teamIds : []
	);
}
