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

/** For reading rather than typing: "Plant A › Assembly › Line 2". */
export function displayTeamPath(path: string): string {
	return path.split(TEAM_PATH_SEPARATOR).join(' › ');
}
