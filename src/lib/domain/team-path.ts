export const TEAM_PATH_SEPARATOR = '/';

/** "Plant A / Assembly/Line 2" → ["Plant A", "Assembly", "Line 2"]; null when a part is empty. */
export function parseTeamPath(path: string): string[] | null {
	const names = path.split(TEAM_PATH_SEPARATOR).map((name) => name.trim().replace(/\s+/g, ' '));
	return names.length > 0 && names.every((name) => name.length > 0) ? names : null;
}

export function formatTeamPath(names: readonly string[]): string {
	return names.join(TEAM_PATH_SEPARATOR);
}

/** True when the team at `path` is `ancestorPath` itself or lies below it. */
export function isWithinTeam(path: readonly string[], ancestorPath: readonly string[]): boolean {
	return (
		path.length >= ancestorPath.length && ancestorPath.every((name, index) => path[index] === name)
	);
}

/**
 * What a typed team path is matched by: "plant a › assembly" finds "Plant A/Assembly". Either
 * separator, any case, spaces tidied.
 */
export function teamPathKey(path: string): string {
	return path
		.split(/[/›]/)
		.map((name) => name.trim().replace(/\s+/g, ' ').toLowerCase())
		.join(TEAM_PATH_SEPARATOR);
}

/** The teams whose path holds `search`, typed as a path or a part of one, in any case. */
export function matchTeamPaths<Team extends { path: string }>(
	teams: Team[],
	search: string
): Team[] {
	const wanted = teamPathKey(search);
	return teams.filter((team) => teamPathKey(team.path).includes(wanted));
}

/** For reading rather than typing: "Plant A › Assembly › Line 2". */
export function displayTeamPath(path: string): string {
	return path.split(TEAM_PATH_SEPARATOR).join(' › ');
}

/** A team's people in a line: "5 members · managed by Aiko Tanaka". */
export function describeTeamPeople(team: { memberCount: number; managerNames: string[] }): string {
	const members = `${team.memberCount} ${team.memberCount === 1 ? 'member' : 'members'}`;
	return team.managerNames.length > 0
		? `${members} · managed by ${team.managerNames.join(', ')}`
		: members;
}

/** Where a team sits, from its path: "Part of Plant A › Assembly", or "A top-level team". */
export function describeTeamPlacement(path: string): string {
	const above = parentTeamPath(path);
	return above === null ? 'A top-level team' : `Part of ${displayTeamPath(above)}`;
}

/** The team's own name, the last of its path. */
export function teamName(path: string): string {
	return path.slice(path.lastIndexOf(TEAM_PATH_SEPARATOR) + 1);
}

/** The path of the team above: "Plant A/Assembly" for "Plant A/Assembly/Line 2"; null at the top. */
export function parentTeamPath(path: string): string | null {
	const end = path.lastIndexOf(TEAM_PATH_SEPARATOR);
	return end === -1 ? null : path.slice(0, end);
}
