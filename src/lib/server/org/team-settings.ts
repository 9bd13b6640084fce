import { count, eq } from 'drizzle-orm';
import { ownManagerCeiling, votesNeededForSelfApproval } from '../../domain/approval';
import { formatMoney } from '../../domain/dates';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { isUuid } from '../../domain/validation';
import { db } from '../db';
import { people, teams } from '../db/schema';
import type { Viewer } from '../ideas/access';
import { listApprovalBands } from '../ideas/approval';
import { canDecideForTeam, loadHierarchy, type TeamHierarchy } from '../ideas/routing';
import { isActiveMember, reconsiderTeamVotes } from '../ideas/self-approval';
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
	const [hierarchy, tree, limits, members] = await Promise.all([
		loadHierarchy(),
		listTeamTree(),
		db.select({ id: teams.id, limit: teams.selfApprovalCostLimit }).from(teams),
		// Counted as the vote counts them, not as the team tree does (which includes the invited).
		db
			.select({ teamId: people.homeTeamId, count: count() })
			.from(people)
			.where(isActiveMember)
			.groupBy(people.homeTeamId)
	]);
	const limitOf = new Map(limits.map((row) => [row.id, row.limit]));
	const activeMembersOf = new Map(members.map((row) => [row.teamId, row.count]));
	return tree
		.filter((team) => canSetUp(viewer, hierarchy, team.id))
		.map((team) => {
			const activeMembers = activeMembersOf.get(team.id) ?? 0;
			return {
				id: team.id,
				path: team.path,
				activeMembers,
				managerNames: team.managerNames,
				selfApprovalCostLimit: limitOf.get(team.id) ?? null,
				votesNeeded: votesNeededForSelfApproval(activeMembers)
			};
		});
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
	const ceiling = ownManagerCeiling(await listApprovalBands());
	if (costLimit !== null && ceiling !== null && costLimit > ceiling) {
		return reject({
			costLimit:
				ceiling < 0
					? 'No cost band goes to a team’s own manager, so no team can accept ideas itself.'
					: `Ideas above ${formatMoney(ceiling, 0)} go to a manager further up: a team’s limit can be at most ${formatMoney(ceiling, 0)}.`
		});
	}
	return db.transaction(async (tx) => {
		await tx.update(teams).set({ selfApprovalCostLimit: costLimit }).where(eq(teams.id, teamId));
		// Votes already cast may be enough under the new limit.
		if (costLimit !== null) await reconsiderTeamVotes(tx, teamId);
		return succeed(null);
	});
}
