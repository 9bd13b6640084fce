import { sql } from 'drizzle-orm';
import type { ApproverLevel } from '../../domain/approval';
import { db, type DatabaseOrTransaction } from '../db';
import { hierarchyVersions, teamManagers, teams } from '../db/schema';

/** The team tree with each team's managers: enough to route any idea to its deciders. */
export interface TeamHierarchy {
	parentOf: Map<string, string | null>;
	managersOf: Map<string, string[]>;
}

/** The last hierarchy read, by the version it was read at (see hierarchy_versions). */
let cachedHierarchy: { version: number; hierarchy: TeamHierarchy } | null = null;

/** The hierarchy's version as a column of another query, for loadHierarchy's `knownVersion`. */
export const currentHierarchyVersion = sql<
	number | null
>`(select ${hierarchyVersions.version} from ${hierarchyVersions})`.mapWith((value: unknown) =>
	value === null ? null : Number(value)
);

/**
 * The team tree and its managers. Kept in memory and reloaded only when the hierarchy's version
 * moved, so a request pays one tiny read instead of loading every team (thousands at scale).
 */
export async function loadHierarchy(
	tx: DatabaseOrTransaction = db,
	/** The current version, when the caller read it along with something else (see currentHierarchyVersion). */
	knownVersion?: number | null
): Promise<TeamHierarchy> {
	const version =
		knownVersion !== undefined
			? knownVersion
			: ((await tx.select().from(hierarchyVersions))[0]?.version ?? null);
	if (version !== null && cachedHierarchy?.version === version) return cachedHierarchy.hierarchy;
	const [teamRows, managerRows] = await Promise.all([
		tx.select({ id: teams.id, parentId: teams.parentId }).from(teams),
		tx.select().from(teamManagers)
	]);
	const managersOf = new Map<string, string[]>();
	for (const { teamId, personId } of managerRows) {
		managersOf.set(teamId, [...(managersOf.get(teamId) ?? []), personId]);
	}
	const hierarchy = {
		parentOf: new Map(teamRows.map((row) => [row.id, row.parentId])),
		managersOf
	};
	// Without a version (an emptied table) nothing is kept: the next request reads afresh.
	cachedHierarchy = version !== null ? { version, hierarchy } : null;
	return hierarchy;
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

/**
 * The managers at and above a team, level by level (nearest first), each at their nearest level,
 * with the team each level manages.
 */
function managerLevels(
	hierarchy: TeamHierarchy,
	teamId: string
): { levels: string[][]; levelTeams: string[] } {
	const levels: string[][] = [];
	const levelTeams: string[] = [];
	const seen = new Set<string>();
	for (const id of ancestorsAndSelf(hierarchy, teamId)) {
		const level = (hierarchy.managersOf.get(id) ?? []).filter((person) => !seen.has(person));
		if (level.length === 0) continue;
		level.forEach((person) => seen.add(person));
		levels.push(level);
		levelTeams.push(id);
	}
	return { levels, levelTeams };
}

const LEVEL_STEPS: Record<ApproverLevel, number> = {
	own_manager: 0,
	one_up: 1,
	two_up: 2,
	top: Number.POSITIVE_INFINITY
};

/** Where an idea goes: who decides it, who hears when it is overdue, and the levels above it. */
export interface IdeaRoute {
	deciders: string[];
	escalation: string[];
	/** Index of the deciders' level in `levels` (-1: nobody can decide). */
	deciderLevel: number;
	levels: string[][];
	/** The teams the deciders and the escalation manage (null: nobody): what the queue looks up. */
	deciderTeamId: string | null;
	escalationTeamId: string | null;
}

/**
 * Routes an idea by its approval band: to the managers `approverLevel` steps above the team's own
 * (clamped to the top). Nobody decides their own idea: when its author is the only approver at
 * that level, it goes one level up — or, at the top, to the level below. Overdue ideas escalate to
 * the next level with someone else on it.
 */
export function routeIdea(
	hierarchy: TeamHierarchy,
	idea: { teamId: string; authorId: string; approverLevel: ApproverLevel }
): IdeaRoute {
	const { levels, levelTeams } = managerLevels(hierarchy, idea.teamId);
	const others = (level: string[] | undefined) =>
		(level ?? []).filter((person) => person !== idea.authorId);
	let deciderLevel = Math.min(LEVEL_STEPS[idea.approverLevel], levels.length - 1);
	if (deciderLevel >= 0 && others(levels[deciderLevel]).length === 0) {
		deciderLevel += deciderLevel + 1 < levels.length ? 1 : -1;
	}
	const deciders = others(levels[deciderLevel]);
	const escalationLevel = levels.findIndex(
		(level, index) => index > deciderLevel && others(level).length > 0
	);
	return {
		deciders,
		escalation: others(levels[escalationLevel]),
		deciderLevel: deciders.length > 0 ? deciderLevel : -1,
		levels,
		deciderTeamId: deciders.length > 0 ? levelTeams[deciderLevel] : null,
		escalationTeamId: escalationLevel >= 0 ? levelTeams[escalationLevel] : null
	};
}

/**
 * Who may decide an idea: its routed approvers and any manager above them (never its author).
 * A manager below the band's approver sees the idea but does not decide it.
 */
export function canApproveIdea(
	hierarchy: TeamHierarchy,
	personId: string,
	idea: { teamId: string; authorId: string; approverLevel: ApproverLevel }
): boolean {
	if (personId === idea.authorId) return false;
	const route = routeIdea(hierarchy, idea);
	return (
		route.deciderLevel >= 0 &&
		route.levels.slice(route.deciderLevel).some((level) => level.includes(personId))
	);
}

/** A manager of the idea's team or of any team above it: sees the team's ideas. */
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
 * Remembers a function of (hierarchy, person) for as long as that hierarchy is the current one:
 * both walk every team, thousands at scale, and managers ask on every page.
 */
function perHierarchy<T>(compute: (hierarchy: TeamHierarchy, personId: string) => T) {
	const memo = new WeakMap<TeamHierarchy, Map<string, T>>();
	return (hierarchy: TeamHierarchy, personId: string): T => {
		let byPerson = memo.get(hierarchy);
		if (!byPerson) memo.set(hierarchy, (byPerson = new Map()));
		if (!byPerson.has(personId)) byPerson.set(personId, compute(hierarchy, personId));
		return byPerson.get(personId)!;
	};
}

/** The teams a person manages themselves (not those below them). */
export const teamsManagedBy = perHierarchy((hierarchy, personId): readonly string[] =>
	[...hierarchy.managersOf]
		.filter(([, managers]) => managers.includes(personId))
		.map(([teamId]) => teamId)
);

/** Every team at or below the teams a person manages: the ideas they see as a manager. */
export const managedSubtreeFor = perHierarchy((hierarchy, personId): readonly string[] =>
	[...hierarchy.parentOf.keys()].filter((teamId) => canDecideForTeam(hierarchy, personId, teamId))
);
