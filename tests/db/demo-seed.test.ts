import { eq, isNotNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { IDEA_STATUSES } from '../../src/lib/domain/ideas';
import { db } from '../../src/lib/server/db';
import { ownManagerCeiling } from '../../src/lib/domain/approval';
import { ideas, people, teams as teamsTable } from '../../src/lib/server/db/schema';
import { listApprovalBands } from '../../src/lib/server/ideas/approval';
import type { Viewer } from '../../src/lib/server/ideas/access';
import { listQueue } from '../../src/lib/server/ideas/queue';
import { getSelfApprovalProgress } from '../../src/lib/server/ideas/self-approval';
import { loadRecognitionOverview } from '../../src/lib/server/recognition/hr-overview';
import { signIn } from '../../src/lib/server/auth/sign-in';
import {
	DEMO_PASSWORD,
	listDemoSignIns,
	seedDemoOrganisation
} from '../../src/lib/server/demo/seed';
import { listPeople } from '../../src/lib/server/org/people';
import { getOrganisationSettings } from '../../src/lib/server/org/settings';
import { listTeamTree } from '../../src/lib/server/org/teams';
import { useTestDatabase } from './support/database';

useTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;

describe('demo organisation', () => {
	it('has at least 4 teams on 2 levels, ~30 people and every role, all able to sign in', async () => {
		const signIns = await seedDemoOrganisation();
		const teams = await listTeamTree();
		expect(teams.length).toBeGreaterThanOrEqual(4);
		expect(Math.max(...teams.map((team) => team.depth))).toBeGreaterThanOrEqual(1);

		const people = await listPeople();
		expect(people.length).toBeGreaterThanOrEqual(30);
		for (const role of ['admin', 'hr', 'manager', 'employee'] as const) {
			expect(people.some((person) => person.roles.includes(role))).toBe(true);
		}
		expect(people.some((person) => person.email === null)).toBe(true);
		expect((await getOrganisationSettings()).decisionDeadlineDays).toBe(10);

		expect(signIns).toEqual(listDemoSignIns());
		for (const { signInName } of signIns) {
			const result = await signIn({
				identifier: signInName,
				password: DEMO_PASSWORD,
				clientAddress: '192.0.2.50'
			});
			expect(result.ok, signInName).toBe(true);
		}
	});

	it('has ideas in every state, overdue and escalated ones, and implemented savings', async () => {
		const now = new Date();
		await seedDemoOrganisation(now);
		const rows = await db.select().from(ideas);
		expect(new Set(rows.map((idea) => idea.status))).toEqual(new Set(IDEA_STATUSES));
		const awaiting = rows.filter((idea) => idea.status === 'awaiting_decision');
		const hoursLeft = awaiting.map(
			(idea) => (idea.decisionDueAt.getTime() - now.getTime()) / 3_600_000
		);
		expect(hoursLeft.some((hours) => hours < 0)).toBe(true); // overdue
		expect(hoursLeft.some((hours) => hours > 0 && hours <= 24)).toBe(true); // due within a day
		expect(hoursLeft.some((hours) => hours > 24 && hours <= 48)).toBe(true); // within 48 h
		expect(
			rows.some((idea) => idea.status === 'implemented' && (idea.realisedSavings ?? 0) > 0)
		).toBe(true);

		// The overdue line idea escalates from Aiko (line manager) to Kenji (plant manager).
		const [kenji] = await db.select().from(people).where(eq(people.email, 'kenji@hanami.example'));
		const queue = await listQueue(
			{ id: kenji.id, homeTeamId: kenji.homeTeamId, roles: ['employee', 'manager'] },
			now
		);
		expect(queue.awaiting.some((item) => item.isEscalated)).toBe(true);
	});

	it('shows each practice: cost bands, a team’s own vote, a veto window, a team one vote away', async () => {
		const now = new Date();
		await seedDemoOrganisation(now);
		const rows = await db.select().from(ideas);
		expect(new Set(rows.map((idea) => idea.approverLevel))).toEqual(
			new Set(['own_manager', 'one_up', 'top'])
		);
		const [kenji] = await db.select().from(people).where(eq(people.email, 'kenji@hanami.example'));
		const manager = { id: kenji.id, homeTeamId: kenji.homeTeamId, roles: ['employee', 'manager'] };
		const queue = await listQueue(manager as Viewer, now);
		expect(queue.awaiting.some((item) => item.approverLevel === 'top')).toBe(true);

		const [aiko] = await db.select().from(people).where(eq(people.email, 'aiko@hanami.example'));
		const aikoQueue = await listQueue({ ...manager, id: aiko.id } as Viewer, now);
		expect(aikoQueue.vetoable.map((item) => item.title)).toEqual([
			'Label the spare-part drawers at line 2'
		]);

		const basket = rows.find((idea) => idea.title === 'Day-old bread basket by the door')!;
		expect(await getSelfApprovalProgress(db, basket)).toMatchObject({
			activeMembers: 3,
			membersFor: 1,
			votesNeeded: 2
		});
		// The demo's teams stay within what the Team self-approval page would let a manager set.
		const ceiling = ownManagerCeiling(await listApprovalBands());
		const limits = await db
			.select({ limit: teamsTable.selfApprovalCostLimit })
			.from(teamsTable)
			.where(isNotNull(teamsTable.selfApprovalCostLimit));
		expect(limits).toHaveLength(2);
		for (const { limit } of limits) expect(limit).toBeLessThanOrEqual(ceiling!);
		// Gainsharing and recognition have entries to show.
		const overview = await loadRecognitionOverview(null, new Date(now.getTime() - 5 * DAY_MS));
		expect(overview.totals?.pool).toBeGreaterThan(0);
		expect(overview.totals?.points).toBeGreaterThan(0);
	});

	it('refuses to run on a database that already has people', async () => {
		await seedDemoOrganisation();
		await expect(seedDemoOrganisation()).rejects.toThrow(/already has people/);
	});
});
