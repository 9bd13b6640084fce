// The generated organisation in memory: a team tree (root → divisions → sites → departments →
// groups), people with roles, and managers at every level. Everything is an index into typed
// arrays; UUIDs are formatted only when rows are written.
import { DEPARTMENT_NAMES, DIVISION_NAMES, ORGANISATION_NAME, SITE_NAMES } from './texts';
import { Random, UuidList, WeightedSampler } from './random';

export const ROLE_EMPLOYEE = 1;
export const ROLE_MANAGER = 2;
export const ROLE_HR = 4;
export const ROLE_ADMIN = 8;

export interface Organisation {
	teamCount: number;
	teamIds: UuidList;
	/** Parent team index, -1 for the root. */
	teamParent: Int32Array;
	teamDepth: Uint8Array;
	teamNames: string[];
	/** The site (depth-2 ancestor, or the team itself above that): whose people see each other's ideas most. */
	teamSite: Uint32Array;
	/** Person indexes managing each team. */
	teamManagers: number[][];
	/** Manager levels above and at each team, nearest first, each without the people of earlier levels. */
	teamManagerLevels: number[][][];
	/** Share of ideas each team decides within the deadline (0.70–0.98). */
	teamOnTimeRate: Float64Array;
	teamAcceptRate: Float64Array;

	personCount: number;
	personIds: UuidList;
	personHomeTeam: Uint32Array;
	personRoles: Uint8Array;
	/** How much each person submits, relative to others (0: never). */
	personSubmitWeight: Float64Array;
	/** People by site, for voters, commenters and owners who work near an idea. */
	sitePeople: Map<number, Uint32Array>;
	/** The organisation's HR people and administrators, for the load sessions. */
}

/** Level sizes of a tree of about `teamCount` teams: 1 root, then ~0.4%, 3.2%, 16%, and the rest. */
export function teamLevelSizes(teamCount: number): number[] {
	if (teamCount < 5) throw new Error('At least 5 teams are needed (--teams).');
	const divisions = Math.max(1, Math.round(teamCount * 0.004));
	const sites = Math.max(divisions, Math.round(teamCount * 0.032));
	const departments = Math.max(sites, Math.round(teamCount * 0.16));
	const groups = teamCount - 1 - divisions - sites - departments;
	if (groups < departments) throw new Error(`Cannot shape ${teamCount} teams into a tree.`);
	return [1, divisions, sites, departments, groups];
}

function numbered(names: readonly string[], index: number): string {
	const round = Math.floor(index / names.length);
	return round === 0 ? names[index % names.length] : `${names[index % names.length]} ${round + 1}`;
}

export function buildOrganisation(
	options: { people: number; teams: number },
	seed: number
): Organisation {
	const random = new Random(seed, 1);
	const levels = teamLevelSizes(options.teams);
	const teamCount = levels.reduce((sum, size) => sum + size, 0);
	const teamParent = new Int32Array(teamCount);
	const teamDepth = new Uint8Array(teamCount);
	const teamNames: string[] = [];
	const childCount = new Uint32Array(teamCount);

	// Children of a level are split evenly, in order, over the teams of the level above.
	let levelStart = 0;
	for (let depth = 0; depth < levels.length; depth++) {
		const parentStart = depth === 0 ? -1 : levelStart - levels[depth - 1];
		for (let j = 0; j < levels[depth]; j++) {
			const team = levelStart + j;
			teamDepth[team] = depth;
			if (depth === 0) {
				teamParent[team] = -1;
				teamNames.push(ORGANISATION_NAME);
				continue;
			}
			const parent = parentStart + Math.floor((j * levels[depth - 1]) / levels[depth]);
			teamParent[team] = parent;
			const siblingIndex = childCount[parent]++;
			teamNames.push(
				depth === 1
					? numbered(DIVISION_NAMES, j)
					: depth === 2
						? `Plant ${numbered(SITE_NAMES, j)}`
						: depth === 3
							? numbered(DEPARTMENT_NAMES, siblingIndex)
							: `Group ${siblingIndex + 1}`
			);
		}
		levelStart += levels[depth];
	}

	const teamSite = new Uint32Array(teamCount);
	for (let team = 0; team < teamCount; team++) {
		let site = team;
		while (teamDepth[site] > 2) site = teamParent[site];
		teamSite[team] = site;
	}

	// Managers: one per team, a second for some departments, none for a few groups (their ideas go
	// to the department's manager, as routing does for any unmanaged team).
	const teamManagers: number[][] = Array.from({ length: teamCount }, () => []);
	const homeTeams: number[] = [];
	const roles: number[] = [];
	for (let team = 0; team < teamCount; team++) {
		const managers = teamDepth[team] === 4 && random.chance(0.05) ? 0 : 1;
		const extra = teamDepth[team] === 3 && random.chance(0.05) ? 1 : 0;
		for (let k = 0; k < managers + extra; k++) {
			teamManagers[team].push(homeTeams.length);
			homeTeams.push(team);
			roles.push(ROLE_EMPLOYEE | ROLE_MANAGER);
		}
	}

	// HR and administrators sit in Corporate (the last division) when there is one.
	const corporate = levels[1] > 1 ? levels[0] + levels[1] - 1 : 0;
	const hrCount = Math.max(1, Math.round(options.people / 1500));
	for (let k = 0; k < hrCount; k++) {
		homeTeams.push(corporate);
		roles.push(ROLE_EMPLOYEE | ROLE_HR);
	}
	homeTeams.push(corporate);
	roles.push(ROLE_EMPLOYEE | ROLE_ADMIN);

	const employees = options.people - homeTeams.length;
	if (employees < levels[4]) {
		throw new Error(
			`${options.people} people are too few for ${teamCount} teams: give at least ${homeTeams.length + levels[4]} (--people) or fewer teams (--teams).`
		);
	}
	// Employees work in groups of varied size (a few tiny ones, which small-group protection hides),
	// some directly in departments.
	const groupStart = teamCount - levels[4];
	const teamWeight = new Float64Array(teamCount);
	for (let team = 0; team < teamCount; team++) {
		if (teamDepth[team] === 4)
			teamWeight[team] = random.chance(0.03) ? 0.05 : random.logNormal(1, 0.5);
		else if (teamDepth[team] === 3) teamWeight[team] = 0.12;
	}
	const teamSampler = new WeightedSampler(teamWeight);
	for (let k = 0; k < employees; k++) {
		// Every group gets one person first, so no group is empty; then by weight.
		homeTeams.push(k < levels[4] ? groupStart + k : teamSampler.sample(random));
		roles.push(ROLE_EMPLOYEE);
	}

	const personCount = homeTeams.length;
	const personHomeTeam = Uint32Array.from(homeTeams);
	const personRoles = Uint8Array.from(roles);
	const personSubmitWeight = new Float64Array(personCount);
	const rootManagers = new Set(teamManagers[0]);
	for (let person = 0; person < personCount; person++) {
		const role = personRoles[person];
		personSubmitWeight[person] = rootManagers.has(person)
			? 0 // nobody above the top manager decides their ideas
			: role & ROLE_MANAGER
				? 0.5 * random.logNormal(1, 0.8)
				: role & (ROLE_HR | ROLE_ADMIN)
					? 0.3
					: random.chance(0.15)
						? 0 // about one in seven never submits
						: random.logNormal(1, 1);
	}

	const bySite = new Map<number, number[]>();
	for (let person = 0; person < personCount; person++) {
		const site = teamSite[personHomeTeam[person]];
		const list = bySite.get(site) ?? [];
		list.push(person);
		bySite.set(site, list);
	}
	const sitePeople = new Map([...bySite].map(([site, list]) => [site, Uint32Array.from(list)]));

	const teamManagerLevels: number[][][] = [];
	for (let team = 0; team < teamCount; team++) {
		const seen = new Set<number>();
		const teamLevels: number[][] = [];
		for (let id = team; id >= 0; id = teamParent[id]) {
			const level = teamManagers[id].filter((person) => !seen.has(person));
			if (level.length === 0) continue;
			level.forEach((person) => seen.add(person));
			teamLevels.push(level);
		}
		teamManagerLevels.push(teamLevels);
	}

	// On-time rates vary by site and, less, by team: between about 70% and 98%.
	const siteBase = new Map<number, number>();
	const teamOnTimeRate = new Float64Array(teamCount);
	const teamAcceptRate = new Float64Array(teamCount);
	for (let team = 0; team < teamCount; team++) {
		const site = teamSite[team];
		if (!siteBase.has(site)) siteBase.set(site, 0.72 + random.next() * 0.25);
		const rate = siteBase.get(site)! + (random.next() - 0.5) * 0.12;
		teamOnTimeRate[team] = Math.min(0.98, Math.max(0.7, rate));
		teamAcceptRate[team] = 0.65 + random.next() * 0.25;
	}

	return {
		teamCount,
		teamIds: new UuidList(teamCount, new Random(seed, 2)),
		teamParent,
		teamDepth,
		teamNames,
		teamSite,
		teamManagers,
		teamManagerLevels,
		teamOnTimeRate,
		teamAcceptRate,
		personCount,
		personIds: new UuidList(personCount, new Random(seed, 3)),
		personHomeTeam,
		personRoles,
		personSubmitWeight,
		sitePeople
	};
}

/**
 * Who decides an idea of this team by this author: the nearest level of managers without the
 * author, as the app's routing has it (nobody decides their own idea).
 */
export function decidersFor(org: Organisation, team: number, author: number): number[] {
	for (const level of org.teamManagerLevels[team]) {
		const deciders = level.filter((person) => person !== author);
		if (deciders.length > 0) return deciders;
	}
	return [];
}
