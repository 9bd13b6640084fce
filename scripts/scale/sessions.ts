// Sessions for load tests, made the way sign-in makes them (tokens.ts): a random `id.secret` token
// whose secret is stored only as a SHA-256 hash. The benchmark sets them as cookies, so no load
// goes through the sign-in form (and its deliberately slow password hashing).
import { createSession } from '../../src/lib/server/auth/session';
import type { BulkConnection } from './bulk';

export interface LoadSession {
	personId: string;
	token: string;
}

export interface LoadPlan {
	createdAt: string;
	/** Employees who vote, read the feed and submit ideas. */
	employees: (LoadSession & { homeTeamId: string })[];
	/** The manager of the largest subtree below the top of the organisation. */
	manager: LoadSession & { teamName: string; subtreeTeams: number; subtreePeople: number };
	hr: LoadSession;
	/** Ideas that still take votes (awaiting a decision or more information). */
	voteTargets: { ideaId: string; authorId: string }[];
	counts: { people: number; teams: number; ideas: number; votes: number };
	/** How the data was generated (seed:scale adds its options and timings). */
	generation?: unknown;
}

/**
 * Picks the load personas from whatever organisation the database holds, gives each a new
 * session, and lists ideas open to votes. Works on a generated organisation or any other.
 */
export async function createLoadSessions(
	conn: BulkConnection,
	options: { employees: number; voteTargets?: number }
): Promise<LoadPlan> {
	const employees = await conn.rows<{ id: string; home_team_id: string }>(`
		select p.id, p.home_team_id from people p
		where p.deactivated_at is null
			and exists (select 1 from person_roles r where r.person_id = p.id and r.role = 'employee')
			and not exists (select 1 from person_roles r where r.person_id = p.id and r.role <> 'employee')
		order by md5(p.id::text) limit ${Math.max(1, options.employees)}`);
	// Below a single top team, its children are the big subtrees; with several top teams, those.
	const [manager] = await conn.rows<{
		person_id: string;
		name: string;
		teams: number;
		people: number;
	}>(`
		with recursive roots as (select id from teams where parent_id is null),
		tops as (
			select t.id from teams t
			where (select count(*) from roots) = 1 and t.parent_id in (select id from roots)
			union all
			select id from roots where (select count(*) from roots) > 1
		), subtree as (
			select id as top, id from tops
			union all
			select s.top, t.id from teams t join subtree s on t.parent_id = s.id
		)
		select m.person_id, t.name, count(distinct s.id)::int as teams,
			(select count(*) from people p where p.home_team_id in (select id from subtree s2 where s2.top = m.team_id))::int as people
		from team_managers m join subtree s on s.top = m.team_id join teams t on t.id = m.team_id
		join people mp on mp.id = m.person_id and mp.deactivated_at is null
		group by m.person_id, m.team_id, t.name
		order by people desc, m.person_id limit 1`);
	const [hr] = await conn.rows<{ id: string }>(`
		select p.id from people p join person_roles r on r.person_id = p.id and r.role = 'hr'
		where p.deactivated_at is null order by p.id limit 1`);
	if (employees.length === 0 || !manager || !hr) {
		throw new Error('Load sessions need an employee, a manager with a team and an HR person.');
	}
	const voteTargets = await conn.rows<{ id: string; author_id: string }>(`
		select id, author_id from ideas where status in ('awaiting_decision', 'needs_info')
		order by md5(id::text) limit ${options.voteTargets ?? 2000}`);
	const [counts] = await conn.rows<LoadPlan['counts']>(`
		select (select count(*) from people)::int as people, (select count(*) from teams)::int as teams,
			(select count(*) from ideas)::int as ideas, (select count(*) from votes)::int as votes`);

	const now = new Date();
	const start = async (personId: string): Promise<LoadSession> => ({
		personId,
		token: (await createSession(personId, now, conn.db)).token
	});
	const employeeSessions = [];
	for (const employee of employees) {
		employeeSessions.push({ ...(await start(employee.id)), homeTeamId: employee.home_team_id });
	}
	return {
		createdAt: now.toISOString(),
		employees: employeeSessions,
		manager: {
			...(await start(manager.person_id)),
			teamName: manager.name,
			subtreeTeams: manager.teams,
			subtreePeople: manager.people
		},
		hr: await start(hr.id),
		voteTargets: voteTargets.map((row) => ({ ideaId: row.id, authorId: row.author_id })),
		counts
	};
}
