import { eq } from 'drizzle-orm';
import { votesNeededForSelfApproval } from '../../domain/approval';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { isUuid } from '../../domain/validation';
import { db } from '../db';
import { teams } from '../db/schema';
import type { Viewer } from '../ideas/access';
import { canDecideForTeam, loadHierarchy, type TeamHierarchy } from '../ideas/routing';
import { listTeamTree } from './teams';

export interface TeamSettingsRow {
	id: string;
	path: string;
	activeMembers: number;
	managerNames: string[];
	/** Null: self-approval is off. */
	selfApprovalCostLimit: number | null;
	votesNeeded: number;
}

const canSetUp = (viewer: Viewer, hierarchy: TeamHierarchy, teamId: string) =>
	viewer.roles.includes('admin') ||
	(viewer.roles.includes('manager') && canDecideForTeam(hierarchy, viewer.id, teamId));

/** The teams whose settings this person looks after: an administrator all, a manager theirs. */
export async function listTeamSettings(viewer: Viewer): Promise<TeamSettingsRow[]> {
	const [hierarchy, tree, limits] = await Promise.all([
		loadHierarchy(),
		listTeamTree(),
		db.select({ id: teams.id, limit: teams.selfApprovalCostLimit }).from(teams)
	]);
	const limitOf = new Map(limits.map((row) => [row.id, row.limit]));
	return tree
		.filter((team) => canSetUp(viewer, hierarchy, team.id))
		.map((team) => ({
			id: team.id,
			path: team.path,
			activeMembers: team.memberCount,
			managerNames: team.managerNames,
			selfApprovalCostLimit: limitOf.get(team.id) ?? null,
			votesNeeded: votesNeededForSelfApproval(team.memberCount)
		}));
}

/**
 * Switches a team's self-approval on with a cost limit, or off (null). A manager of the team (or
 * above) or an administrator decides it. Ideas already accepted by the team keep their acceptance.
 */
export async function setSelfApproval(
	viewer: Viewer,
	teamId: string,
	costLimit: number | null
): Promise<Outcome<null>> {
	if (!isUuid(teamId)) return reject({ form: 'There is no such team.' }, 404);
	const hierarchy = await loadHierarchy();
	if (!hierarchy.parentOf.has(teamId)) return reject({ form: 'There is no such team.' }, 404);
	if (!canSetUp(viewer, hierarchy, teamId)) {
		return reject({ form: 'Only the team’s managers or an administrator change this.' }, 403);
	}
	await db.update(teams).set({ selfApprovalCostLimit: costLimit }).where(eq(teams.id, teamId));
	return succeed(null);
}
