import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { db, selectRows } from '../../src/lib/server/db';
import { rebuildRollups } from '../../src/lib/server/insights/rollups';
import {
	DEFAULT_SCALE_OPTIONS,
	RefusedError,
	generateScaleData,
	type ScaleOptions
} from '../../scripts/scale/generate';
import { useTestDatabase } from './support/database';

useTestDatabase();

const TINY: ScaleOptions = {
	...DEFAULT_SCALE_OPTIONS,
	people: 150,
	teams: 12,
	ideas: 400,
	votes: 2_500,
	comments: 150,
	now: new Date('2026-06-01T03:00:00Z'),
	vacuum: false,
	loadEmployees: 3,
	quiet: true
};

async function count(query: ReturnType<typeof sql>): Promise<number> {
	const [row] = await selectRows<{ n: number }>(db, query);
	return Number(row.n);
}

async function rollupSnapshot() {
	return {
		daily: await selectRows(db, sql`select * from team_daily_stats order by team_id, day`),
		benefits: await selectRows(
			db,
			sql`select * from team_daily_benefits order by team_id, day, benefit_type`
		),
		times: await selectRows(
			db,
			sql`select * from team_weekly_decision_times order by team_id, week_start, bucket`
		),
		submitters: await selectRows(
			db,
			sql`select * from team_weekly_submitters order by team_id, week_start, person_id`
		)
	};
}

describe('the scale generator (seed:scale)', () => {
	it('fills an empty database with a consistent organisation', async () => {
		const result = await generateScaleData(db, TINY);
		expect(result.rows).toMatchObject({ ideas: 400, votes: 2_500, comments: 150, people: 150 });
		expect(await count(sql`select count(*) as n from teams`)).toBe(12);

		// Counters equal their rows.
		expect(
			await count(sql`select count(*) as n from ideas i
				where vote_count <> (select count(*) from votes v where v.idea_id = i.id)
					or comment_count <> (select count(*) from comments c where c.idea_id = i.id)`)
		).toBe(0);
		// Statuses agree with timestamps, and votes were cast while the idea was open, never by its author.
		expect(
			await count(sql`select count(*) as n from ideas where
				(decided_at is not null) <> (status in ('accepted', 'rejected', 'implemented', 'dropped'))
				or (implemented_at is not null) <> (status = 'implemented')
				or (closed_at is not null) <> (status in ('rejected', 'implemented', 'dropped'))
				or (owner_id is not null) <> (status in ('accepted', 'implemented', 'dropped'))
				or decided_by_id = author_id
				or decision_due_at <> submitted_at + interval '10 days'
				or updated_at < submitted_at or submitted_at > ${TINY.now.toISOString()}::timestamptz`)
		).toBe(0);
		expect(
			await count(sql`select count(*) as n from votes v join ideas i on i.id = v.idea_id
				where v.person_id = i.author_id or v.created_at < i.submitted_at
					or v.created_at > coalesce(i.decided_at, ${TINY.now.toISOString()}::timestamptz)`)
		).toBe(0);
		// Whoever decided manages the idea's team or a team above it.
		expect(
			await count(sql`with recursive above as (
					select i.id as idea_id, i.team_id from ideas i where i.decided_by_id is not null
					union all
					select a.idea_id, t.parent_id from above a join teams t on t.id = a.team_id
					where t.parent_id is not null
				)
				select count(*) as n from ideas i where i.decided_by_id is not null and not exists (
					select 1 from above a join team_managers m on m.team_id = a.team_id
					where a.idea_id = i.id and m.person_id = i.decided_by_id)`)
		).toBe(0);
		// Points as the app credits them: once per idea and step.
		expect(
			await count(sql`select count(*) as n from point_entries where reason = 'submitted'`)
		).toBe(400);
		expect(
			await count(sql`select count(*) as n from ideas i where status in ('accepted', 'implemented', 'dropped')
				and not exists (select 1 from point_entries p where p.idea_id = i.id and p.reason = 'accepted')`)
		).toBe(0);
		expect(
			await count(sql`select count(*) as n from gainsharing_entries g join ideas i on i.id = g.idea_id
				where g.amount <> round(i.realised_savings * 10) / 100 or g.team_id <> i.team_id`)
		).toBe(0);

		// The rollups are exactly what a rebuild from the raw ideas gives.
		const generated = await rollupSnapshot();
		expect(generated.daily.length).toBeGreaterThan(0);
		await db.transaction((tx) => rebuildRollups(tx));
		expect(await rollupSnapshot()).toEqual(generated);
		expect(await count(sql`select sum(submitted) as n from team_daily_stats`)).toBe(400);

		// Every open idea is routed for the manager queue, at the hierarchy as generated.
		expect(
			await count(
				sql`select count(*) as n from ideas where status in ('awaiting_decision', 'needs_info')`
			)
		).toBeGreaterThan(0);
		expect(
			await count(sql`select count(*) as n from ideas where status in ('awaiting_decision', 'needs_info')
				and (routed_at_version is distinct from (select version from hierarchy_versions)
					or decider_team_id is null)`)
		).toBe(0);

		// The load sessions are real sessions of the right people.
		const manager = await validateSessionToken(result.load.manager.token);
		expect(manager?.user.roles).toContain('manager');
		expect((await validateSessionToken(result.load.hr.token))?.user.roles).toContain('hr');
		expect(result.load.employees).toHaveLength(3);
		expect(result.load.voteTargets.length).toBeGreaterThan(0);
	});

	it('refuses a filled database, and --reset replaces it instead of adding to it', async () => {
		await generateScaleData(db, TINY);
		const ideasBefore = await selectRows<{ id: string }>(db, sql`select id from ideas order by id`);

		await expect(generateScaleData(db, TINY)).rejects.toBeInstanceOf(RefusedError);
		expect(await count(sql`select count(*) as n from ideas`)).toBe(400);

		await generateScaleData(db, { ...TINY, reset: true });
		// Same seed, same organisation: nothing doubled, nothing left over.
		expect(await selectRows(db, sql`select id from ideas order by id`)).toEqual(ideasBefore);
		expect(await count(sql`select count(*) as n from people`)).toBe(150);
		expect(await count(sql`select count(*) as n from votes`)).toBe(2_500);
	});
});
