import { db, type DatabaseOrTransaction } from '../db';
import { teamManagers, teams } from '../db/schema';

/** The team tree with each team's managers: enough to route any idea to its deciders. */
export interface TeamHierarchy {
	parentOf: Map<string, string | null>;
	managersOf: Map<string, string[]>;
}

export async function loadHierarchy(tx: DatabaseOrTransaction = db): Promise<TeamHierarchy> {
	const [teamRows, managerRows] = await Promise.all([
		tx.select({ id: teams.id, parentId: teams.parentId }).from(teams),
		tx.select().from(teamManagers)
	]);
	const managersOf = new Map<string, string[]>();
	for (const { teamId, personId } of managerRows) {
		managersOf.set(teamId, [...(managersOf.get(teamId) ?? []), personId]);
	}
	return { parentOf: new Map(teamRows.map((row) => [row.id, row.parentId])), managersOf };
}

/** The team and its ancestors, nearest first. */
export function ancestorsAndSelf(hierarchy: TeamHierarchy, teamId: string): string[] {
	const chain: string[] = [];
	for (let id: string | null | undefined = teamId; id && !chain.includes(id);) {
		chain.push(id);
		id = hierarchy.parentOf.get(id);
	}
	return chain;
}

/** The managers above a team, level by level (nearest first), each level without earlier ones. */
function managerLevels(
	hierarchy: TeamHierarchy,
	teamId: string,
	exceptPersonId?: string
): string[][] {
	const levels: string[][] = [];
	const seen = new Set<string>(exceptPersonId ? [exceptPersonId] : []);
	for (const id of ancestorsAndSelf(hierarchy, teamId)) {
		const level = (hierarchy.managersOf.get(id) ?? []).filter((person) => !seen.has(person));
		if (level.length === 0) continue;
		level.forEach((person) => seen.add(person));
		levels.push(level);
	}
	return levels;
}

/**
 * Who decides an idea of this team, and who hears when it is overdue: the managers of the nearest
 * managed team at or above it, and those of the next managed team above that (with other people).
 */
export function routeTeam(
	hierarchy: TeamHierarchy,
	teamId: string
): { deciders: string[]; escalation: string[] } {
	const [deciders = [], escalation = []] = managerLevels(hierarchy, teamId);
	return { deciders, escalation };
}

/** As routeTeam, but nobody decides their own idea: a manager's idea goes a level up. */
export function routeIdea(
	hierarchy: TeamHierarchy,
	idea: { teamId: string; authorId: string }
): { deciders: string[]; escalation: string[] } {
	const [deciders = [], escalation = []] = managerLevels(hierarchy, idea.teamId, idea.authorId);
	return { deciders, escalation };
}

/** A manager of the idea's team or of any team above it may decide it. */
export function canDecideForTeam(
	hierarchy: TeamHierarchy,
	personId: string,
	teamId: string
): boolean {
	return ancestorsAndSelf(hierarchy, teamId).some((id) =>
		(hierarchy.managersOf.get(id) ?? []).includes(personId)
	);
}

/**
 * The teams whose awaiting ideas fill a manager's queue; those one level below, whose overdue ideas
 * escalate to them; and the managers of those teams, whose own ideas come to this manager directly.
 */
export function queueTeamsFor(
	hierarchy: TeamHierarchy,
	personId: string
): { deciderTeamIds: string[]; escalationTeamIds: string[]; managerIdsBelow: string[] } {
	const deciderTeamIds: string[] = [];
	const escalationTeamIds: string[] = [];
	const managersBelow = new Set<string>();
	for (const teamId of hierarchy.parentOf.keys()) {
		const route = routeTeam(hierarchy, teamId);
		if (route.deciders.includes(personId)) deciderTeamIds.push(teamId);
		else if (route.escalation.includes(personId)) {
			escalationTeamIds.push(teamId);
			route.deciders.forEach((manager) => managersBelow.add(manager));
		}
	}
	return { deciderTeamIds, escalationTeamIds, managerIdsBelow: [...managersBelow] };
}

/** Every team at or below the teams a person manages: where they may decide. */
export function managedSubtreeFor(hierarchy: TeamHierarchy, personId: string): string[] {
	return [...hierarchy.parentOf.keys()].filter((teamId) =>
		canDecideForTeam(hierarchy, personId, teamId)
	);
}
