import { and, eq, isNull, sql } from 'drizzle-orm';
import {
	TEAM_PATH_SEPARATOR,
	formatTeamPath,
	isWithinTeam,
	teamName,
	teamPathKey
} from '../../domain/team-path';
import { isUuid } from '../../domain/validation';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { db, selectRows, type DatabaseOrTransaction } from '../db';
import { anyId } from '../db/any-id';
import { teams, type Team } from '../db/schema';

// Serialises changes to the team tree, so two concurrent moves cannot build a cycle together.
const HIERARCHY_LOCK_ID = 7_310_301;

export interface TeamNode {
	id: string;
	name: string;
	parentId: string | null;
	/** Names from the root down to this team. */
	pathNames: string[];
	path: string;
	depth: number;
	memberCount: number;
	managerNames: string[];
}

/** `tree`: every team with the names on its path from the top (a query's opening). */
const teamTree = sql`
	with recursive tree as (
		select id, name, parent_id, array[name] as path_names
		from teams where parent_id is null
		union all
		select t.id, t.name, t.parent_id, tree.path_names || t.name
		from teams t join tree on t.parent_id = tree.id
	)`;

/** Every team with its path, depth, active member count and managers, in tree order. */
export async function listTeamTree(tx: DatabaseOrTransaction = db): Promise<TeamNode[]> {
	const rows = await selectRows<{
		id: string;
		name: string;
		parent_id: string | null;
		path_names: string[];
		member_count: number;
		manager_names: string[];
	}>(
		tx,
		sql`
		${teamTree}
		select tree.id, tree.name, tree.parent_id, tree.path_names,
			coalesce(members.member_count, 0)::int as member_count,
			coalesce(managers.manager_names, '{}') as manager_names
		from tree
		left join (
			select home_team_id, count(*) as member_count from people
			where deactivated_at is null group by home_team_id
		) as members on members.home_team_id = tree.id
		left join (
			select m.team_id, array_agg(p.display_name order by p.display_name) as manager_names
			from team_managers m join people p on p.id = m.person_id
			where p.deactivated_at is null group by m.team_id
		) as managers on managers.team_id = tree.id
		order by tree.path_names
	`
	);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		parentId: row.parent_id,
		pathNames: row.path_names,
		path: row.path_names.join(TEAM_PATH_SEPARATOR),
		depth: row.path_names.length - 1,
		memberCount: row.member_count,
		managerNames: row.manager_names
	}));
}

/**
 * A team as its edit page shows it, with the teams it may move under: any but itself and those
 * below it. Undefined for an unknown or malformed id.
 */
export async function getTeamForEditing(teamId: string) {
	if (!isUuid(teamId)) return undefined;
	const tree = await listTeamTree();
	const team = tree.find((candidate) => candidate.id === teamId);
	if (!team) return undefined;
	const { id, name, path, parentId, memberCount, managerNames } = team;
	return {
		team: { id, name, path, parentId, memberCount, managerNames },
		/** Where it may move: every team but itself and those below it, by path. */
		parentPaths: tree
			.filter((other) => !isWithinTeam(other.pathNames, team.pathNames))
			.map((other) => other.path)
	};
}

/** Every team's id and path, by path: what a form chooses teams from (lighter than the tree). */
export async function listTeamChoices(): Promise<{ id: string; path: string }[]> {
	const rows = await selectRows<{ id: string; path_names: string[] }>(
		db,
		sql`
		${teamTree}
		select id, path_names from tree order by path_names`
	);
	return rows.map((row) => ({ id: row.id, path: formatTeamPath(row.path_names) }));
}

/**
 * Finds a team by its path, or by its name alone when no other team has that name; otherwise says
 * what is wrong, also when several match (teams named before names were compared in any case).
 * `choices`: the teams to look in, when the caller has read them already.
 */
export async function teamFinder(choices?: { id: string; path: string }[]) {
	const byPath = new Map<string, string[]>();
	const byName = new Map<string, string[]>();
	const add = (map: Map<string, string[]>, key: string, id: string) =>
		map.set(key, [...(map.get(key) ?? []), id]);
	for (const team of choices ?? (await listTeamChoices())) {
		const key = teamPathKey(team.path);
		add(byPath, key, team.id);
		add(byName, teamName(key), team.id);
	}
	return (typed: string): { id: string } | { error: string } => {
		const key = teamPathKey(typed);
		const found = byPath.get(key) ?? byName.get(key) ?? [];
		if (found.length === 1) return { id: found[0] };
		const shown = typed.slice(0, 100);
		return {
			error:
				found.length > 1
					? `${found.length} teams are called “${shown}”. Choose one from the list.`
					: `There is no team “${shown}”. Choose one from the list.`
		};
	};
}

/** The team above, as typed in a form: none when left empty (a top-level team). */
export async function findParentTeam(typed: string): Promise<Outcome<string | null>> {
	if (typed.trim() === '') return succeed(null);
	const found = (await teamFinder())(typed);
	return 'id' in found ? succeed(found.id) : reject({ parent: found.error });
}

/**
 * The path of each given team, by id (unknown ids are left out): a walk up from those teams only,
 * where listTeamTree reads every team and counts every member.
 */
export async function listTeamPaths(
	teamIds: string[],
	tx: DatabaseOrTransaction = db
): Promise<Map<string, string>> {
	if (teamIds.length === 0) return new Map();
	const rows = await selectRows<{ team_id: string; path_names: string[] }>(
		tx,
		sql`
		with recursive up as (
			select id as team_id, parent_id, array[name] as path_names from teams
			where ${anyId(teams.id, teamIds)}
			union all
			-- LIMIT 1 keeps the planner from merging this back into a join, which hashed all teams at
			-- each level: so each level is one primary-key lookup.
			select up.team_id, parent.parent_id, parent.name || up.path_names
			from up cross join lateral (
				select t.parent_id, t.name from teams t where t.id = up.parent_id limit 1
			) parent
		)
		select team_id, path_names from up where parent_id is null
	`
	);
	return new Map(rows.map((row) => [row.team_id, formatTeamPath(row.path_names)]));
}

/** The given teams and every team below them. */
export async function listSubtreeTeamIds(
	rootTeamIds: string[],
	tx: DatabaseOrTransaction = db
): Promise<string[]> {
	if (rootTeamIds.length === 0) return [];
	const rows = await selectRows<{ id: string }>(
		tx,
		sql`
		with recursive subtree as (
			select id from teams where id in ${rootTeamIds}
			union
			select t.id from teams t join subtree s on t.parent_id = s.id
		)
		select id from subtree
	`
	);
	return rows.map((row) => row.id);
}

export async function getTeam(teamId: string): Promise<Team | undefined> {
	const [team] = await db.select().from(teams).where(eq(teams.id, teamId));
	return team;
}

async function findSibling(
	tx: DatabaseOrTransaction,
	parentId: string | null,
	name: string
): Promise<Team | undefined> {
	// In any case: "Packaging" and "packaging" side by side could not be told apart in a typed path.
	const [team] = await tx
		.select()
		.from(teams)
		.where(
			and(
				sql`lower(${teams.name}) = lower(${name})`,
				parentId ? eq(teams.parentId, parentId) : isNull(teams.parentId)
			)
		)
		.orderBy(sql`${teams.name} = ${name} desc`)
		.limit(1);
	return team;
}

/** Creates a team under a parent (or at the top). Sibling names must be unique. */
export async function createTeam(input: {
	name: string;
	parentId: string | null;
}): Promise<Outcome<Team>> {
	return db.transaction(async (tx) => {
		await lockHierarchy(tx);
		if (input.parentId && !(await teamExists(tx, input.parentId))) {
			return reject({ parent: 'That parent team no longer exists.' });
		}
		if (await findSibling(tx, input.parentId, input.name)) {
			return reject({ name: `There is already a team called "${input.name}" here.` });
		}
		const [team] = await tx.insert(teams).values(input).returning();
		return succeed(team);
	});
}

export async function renameTeam(teamId: string, name: string): Promise<Outcome<Team>> {
	return db.transaction(async (tx) => {
		await lockHierarchy(tx);
		const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
		if (!team) return reject({ name: 'That team no longer exists.' });
		const sibling = await findSibling(tx, team.parentId, name);
		if (sibling && sibling.id !== teamId) {
			return reject({ name: `There is already a team called "${name}" here.` });
		}
		const [renamed] = await tx.update(teams).set({ name }).where(eq(teams.id, teamId)).returning();
		return succeed(renamed);
	});
}

/** Moves a team (with everything below it) under another parent, or to the top when null. */
export async function moveTeam(teamId: string, newParentId: string | null): Promise<Outcome<Team>> {
	return db.transaction(async (tx) => {
		await lockHierarchy(tx);
		const [team] = await tx.select().from(teams).where(eq(teams.id, teamId));
		if (!team) return reject({ parent: 'That team no longer exists.' });
		if (newParentId) {
			if (!(await teamExists(tx, newParentId))) {
				return reject({ parent: 'That parent team no longer exists.' });
			}
			const subtree = await listSubtreeTeamIds([teamId], tx);
			if (subtree.includes(newParentId)) {
				return reject({ parent: 'A team cannot move below itself or one of its own sub-teams.' });
			}
		}
		if (newParentId === team.parentId) return succeed(team); // where it is already
		if (await findSibling(tx, newParentId, team.name)) {
			return reject({ parent: `The new parent already has a team called "${team.name}".` });
		}
		const [moved] = await tx
			.update(teams)
			.set({ parentId: newParentId })
			.where(eq(teams.id, teamId))
			.returning();
		return succeed(moved);
	});
}

/**
 * Finds the team at a path such as ["Plant A", "Assembly", "Line 2"], creating the missing teams
 * along it. Must run inside the caller's transaction (the CSV import's), after lockHierarchy().
 */
export async function findOrCreateTeamPath(
	tx: DatabaseOrTransaction,
	pathNames: string[]
): Promise<{ teamId: string; createdPaths: string[] }> {
	let parentId: string | null = null;
	const createdPaths: string[] = [];
	for (const [index, name] of pathNames.entries()) {
		let team = await findSibling(tx, parentId, name);
		if (!team) {
			[team] = await tx.insert(teams).values({ name, parentId }).returning();
			createdPaths.push(pathNames.slice(0, index + 1).join(TEAM_PATH_SEPARATOR));
		}
		parentId = team.id;
	}
	return { teamId: parentId!, createdPaths };
}

export async function lockHierarchy(tx: DatabaseOrTransaction): Promise<void> {
	await tx.execute(sql`select pg_advisory_xact_lock(${HIERARCHY_LOCK_ID})`);
}

async function teamExists(tx: DatabaseOrTransaction, teamId: string): Promise<boolean> {
	const [row] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
	return Boolean(row);
}

/**
 * The teams someone is offered when sharing an idea: their own, the teams above it and the teams
 * beside each of those — the part of a large organisation they know — with full paths, in path
 * order. (At 2,000 teams a list of all of them would be most of the page's weight.)
 */
export async function listTeamChoicesFor(
	homeTeamId: string
): Promise<{ id: string; path: string }[]> {
	const rows = await db
		.select({ id: teams.id, name: teams.name, parentId: teams.parentId })
		.from(teams);
	const byId = new Map(rows.map((row) => [row.id, row]));
	const pathOf = (id: string): string => {
		const names: string[] = [];
		for (
			let team = byId.get(id);
			team && names.length <= rows.length;
			team = byId.get(team.parentId ?? '')
		) {
			names.unshift(team.name);
		}
		return names.join(TEAM_PATH_SEPARATOR);
	};
	const chain = new Set<string | null>([null]);
	for (
		let team = byId.get(homeTeamId);
		team && !chain.has(team.id);
		team = byId.get(team.parentId ?? '')
	) {
		chain.add(team.id);
	}
	return rows
		.filter((row) => chain.has(row.id) || chain.has(row.parentId))
		.map((row) => ({ id: row.id, path: pathOf(row.id) }))
		.sort((a, b) => a.path.localeCompare(b.path));
}
