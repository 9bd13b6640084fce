import { eq, inArray, or, type SQL } from 'drizzle-orm';
import type { IdeaVisibility } from '../../domain/ideas';
import type { Role } from '../../domain/roles';
import { acceptsVotes } from '../../domain/status';
import type { IdeaStatus } from '../../domain/ideas';
import { db, type DatabaseOrTransaction } from '../db';
import { ideas, organisationSettings } from '../db/schema';
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
	const [row] = await tx
		.select({ visibility: organisationSettings.ideaVisibility })
		.from(organisationSettings);
	return row?.visibility ?? 'organisation';
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
 * Only the approvers of the idea's cost band and managers above them decide; HR and admin roles
 * don't, and nobody decides their own idea (a manager's own idea goes to the manager above).
 */
export function canDecideIdea(
	viewer: Viewer,
	idea: { teamId: string; authorId: string; approverLevel: ApproverLevel },
	context: AccessContext
): boolean {
	return viewer.roles.includes('manager') && canApproveIdea(context.hierarchy, viewer.id, idea);
}

/** Colleagues vote on ideas still to be decided, never on their own. */
export function canVoteOnIdea(
	viewer: Viewer,
	idea: { authorId: string; teamId: string; status: IdeaStatus },
	context: AccessContext
): boolean {
	return (
		idea.authorId !== viewer.id && acceptsVotes(idea.status) && canViewIdea(viewer, idea, context)
	);
}

/** The same rule as canViewIdea, as a WHERE condition for lists; undefined means no limit. */
export function visibleIdeasCondition(viewer: Viewer, context: AccessContext): SQL | undefined {
	if (readsEverything(viewer)) return undefined;
	if (viewer.roles.includes('employee') && context.visibility === 'organisation') return undefined;
	const teamIds = managedSubtreeFor(context.hierarchy, viewer.id);
	if (viewer.roles.includes('employee')) teamIds.push(viewer.homeTeamId);
	const ownIdeas = or(eq(ideas.authorId, viewer.id), eq(ideas.ownerId, viewer.id));
	return teamIds.length > 0 ? or(ownIdeas, inArray(ideas.teamId, teamIds)) : ownIdeas;
}
