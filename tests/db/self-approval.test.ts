import { and, asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import {
	ideaEvents,
	ideas,
	notifications,
	people,
	pointEntries,
	teamDailyStats,
	teams
} from '../../src/lib/server/db/schema';
import { saveApprovalBands } from '../../src/lib/server/ideas/approval';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { editIdea } from '../../src/lib/server/ideas/edit';
import { getIdeaDetail } from '../../src/lib/server/ideas/detail';
import { listQueue } from '../../src/lib/server/ideas/queue';
import { vetoSelfApproval } from '../../src/lib/server/ideas/self-approval';
import { castVote } from '../../src/lib/server/ideas/vote';
import { rebuildRollups } from '../../src/lib/server/insights/rollups';
import { deactivatePerson } from '../../src/lib/server/org/people';
import { listTeamSettings, setSelfApproval } from '../../src/lib/server/org/team-settings';
import { getPointsSummary } from '../../src/lib/server/recognition/points';
import { useTestDatabase } from './support/database';
import { makePerson, makeTeam } from './support/factories';
import { decisionsWith, ideaInput, MANAGER_ROLES, submitTestIdea, viewer } from './support/ideas';

useTestDatabase();

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A bakery team of six active people (Chloe the author and five colleagues) and one who left,
 * under a store managed by Marcus, with self-approval up to 500.
 */
async function makeBakery({ costLimit = 500 as number | null, storeName = 'Store' } = {}) {
	const store = await makeTeam(storeName);
	const bakery = await makeTeam('Bakery', store.id);
	const marcus = await makePerson({
		name: 'Marcus',
		teamId: store.id,
		roles: MANAGER_ROLES,
		manages: [store.id]
	});
	const member = (name: string) => makePerson({ name, teamId: bakery.id });
	const chloe = await member('Chloe');
	const colleagues = [
		await member('Tom'),
		await member('Noah'),
		await member('Lena'),
		await member('Omar'),
		await member('Pia')
	];
	const leaver = await makePerson({ name: 'Ex', teamId: bakery.id });
	// Invited but never signed in: not an active member yet.
	await makePerson({ name: 'Newbie', teamId: bakery.id, hasPassword: false });
	const outsider = await makePerson({ name: 'Sam', teamId: store.id });
	if (costLimit !== null) {
		expect(
			await setSelfApproval(viewer(marcus, MANAGER_ROLES), bakery.id, costLimit)
		).toMatchObject({ ok: true });
	}
	return { store, bakery, marcus, chloe, colleagues, leaver, outsider };
}

async function statusOf(ideaId: string) {
	const [idea] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
	return idea;
}

async function deactivate(person: { id: string }) {
	await db.update(people).set({ deactivatedAt: new Date() }).where(eq(people.id, person.id));
}

describe('team self-approval', () => {
	it('accepts exactly once when the last two votes arrive together', async () => {
		const { chloe, colleagues } = await makeBakery();
		const ideaId = await submitTestIdea(chloe, { estimatedCost: 25 });
		for (const colleague of colleagues.slice(0, 2)) await castVote(viewer(colleague), ideaId, true);
		// The author and two votes are 3 of 7; only both of these together make 5.
		const results = await Promise.all(
			colleagues.slice(2, 4).map((colleague) => castVote(viewer(colleague), ideaId, true))
		);
		expect(results.every((result) => result.ok)).toBe(true);
		expect(results.filter((result) => result.ok && result.value.isAcceptedByTeam)).toHaveLength(1);
		expect((await statusOf(ideaId)).status).toBe('accepted');
		const acceptances = await db
			.select()
			.from(ideaEvents)
			.where(and(eq(ideaEvents.ideaId, ideaId), eq(ideaEvents.toStatus, 'accepted')));
		expect(acceptances).toHaveLength(1);
	});

	it('accepts an idea when two thirds of the active members are for it, not one vote before', async () => {
		const { chloe, colleagues, marcus } = await makeBakery();
		const ideaId = await submitTestIdea(chloe, { estimatedCost: 25 });
		// Seven active members (the invited one is not yet): the author and three votes are 4 of 7.
		for (const colleague of colleagues.slice(0, 3)) {
			const voted = await castVote(viewer(colleague), ideaId, true);
			expect(voted).toMatchObject({ ok: true, value: { isAcceptedByTeam: false } });
		}
		expect((await statusOf(ideaId)).status).toBe('awaiting_decision');
		expect((await getIdeaDetail(viewer(chloe), ideaId))?.selfApproval).toMatchObject({
			activeMembers: 7,
			membersFor: 4,
			isAuthorMember: true,
			votesNeeded: 5
		});
		// The fourth vote: 5 of 7 ≥ 2/3.
		expect(await castVote(viewer(colleagues[3]), ideaId, true)).toMatchObject({
			value: { isAcceptedByTeam: true }
		});
		const idea = await statusOf(ideaId);
		expect(idea).toMatchObject({
			status: 'accepted',
			decidedById: null,
			ownerId: chloe.id,
			decisionNote:
				'Accepted by the team: 5 of 7 active members of Bakery are for it (the author and 4 votes).'
		});
		expect(idea.selfApprovedAt).toEqual(idea.decidedAt);

		const [event] = await db
			.select()
			.from(ideaEvents)
			.where(and(eq(ideaEvents.ideaId, ideaId), eq(ideaEvents.toStatus, 'accepted')));
		expect(event.actorId).toBeNull();
		const history = (await getIdeaDetail(viewer(chloe), ideaId))!.events;
		expect(history.find((entry) => entry.to === 'accepted')?.actorName).toBe('Team vote');
		expect(event.note).toMatch(
			/^Accepted by team vote: 5 of 7 active members of Bakery are for it \(the author and 4 votes\), by the deadline\. Marcus told; a veto is possible until /
		);
		const told = await db
			.select({ recipientId: notifications.recipientId, kind: notifications.kind })
			.from(notifications)
			.where(eq(notifications.ideaId, ideaId))
			.orderBy(asc(notifications.kind));
		expect(told).toEqual(
			expect.arrayContaining([
				{ recipientId: chloe.id, kind: 'idea_decided' },
				{ recipientId: marcus.id, kind: 'idea_self_approved' }
			])
		);
		expect((await getPointsSummary(chloe.id)).total).toBe(5 + 20);
	});

	it('counts the votes cast while the author was asked for more, once the author answers', async () => {
		const { bakery, chloe, colleagues, marcus } = await makeBakery();
		const ideaId = await submitTestIdea(chloe, { estimatedCost: 25 });
		const askForMore = decisionsWith({ to: 'needs_info', note: 'Which shelf?' });
		expect(await decideIdea(viewer(marcus, MANAGER_ROLES), ideaId, askForMore())).toMatchObject({
			ok: true
		});
		for (const colleague of colleagues.slice(0, 4)) await castVote(viewer(colleague), ideaId, true);
		// The manager asked: the team's vote waits for the answer.
		expect((await statusOf(ideaId)).status).toBe('needs_info');

		const answered = await editIdea(
			viewer(chloe),
			ideaId,
			ideaInput(bakery.id, { estimatedCost: 25, proposal: 'The shelf by the door.' })
		);
		expect(answered).toMatchObject({ ok: true, value: { answered: true } });
		expect(await statusOf(ideaId)).toMatchObject({ status: 'accepted', ownerId: chloe.id });
	});

	it('counts only active members: a leaver’s vote and an outsider’s vote do not count', async () => {
		const { chloe, colleagues, leaver, outsider } = await makeBakery();
		const ideaId = await submitTestIdea(chloe, { estimatedCost: 0 });
		await castVote(viewer(leaver), ideaId, true);
		await castVote(viewer(outsider), ideaId, true);
		await deactivate(leaver);
		// Six active now: the author and three votes are exactly two thirds.
		for (const colleague of colleagues.slice(0, 2)) await castVote(viewer(colleague), ideaId, true);
		expect((await statusOf(ideaId)).status).toBe('awaiting_decision');
		expect((await statusOf(ideaId)).voteCount).toBe(4);
		expect(await castVote(viewer(colleagues[2]), ideaId, true)).toMatchObject({
			value: { isAcceptedByTeam: true }
		});
		expect((await statusOf(ideaId)).decisionNote).toBe(
			'Accepted by the team: 4 of 6 active members of Bakery are for it (the author and 3 votes).'
		);
	});

	it('counts again when a member leaves: the smaller team may now have its two thirds', async () => {
		const { chloe, colleagues, leaver, marcus } = await makeBakery();
		const ideaId = await submitTestIdea(chloe, { estimatedCost: 0 });
		for (const colleague of colleagues.slice(0, 3)) await castVote(viewer(colleague), ideaId, true);
		expect((await statusOf(ideaId)).status).toBe('awaiting_decision'); // 4 of 7
		expect(await deactivatePerson(leaver.id, marcus.id)).toMatchObject({ ok: true });
		expect(await statusOf(ideaId)).toMatchObject({
			status: 'accepted',
			decisionNote:
				'Accepted by the team: 4 of 6 active members of Bakery are for it (the author and 3 votes).'
		});
	});

	it('counts again when the team switches it on, or the estimate falls within the limit', async () => {
		const { bakery, chloe, colleagues, marcus, leaver } = await makeBakery({ costLimit: null });
		await deactivate(leaver);
		const before = await submitTestIdea(chloe, { estimatedCost: 20 });
		const lowered = await submitTestIdea(chloe, { estimatedCost: 900 });
		for (const colleague of colleagues.slice(0, 3)) {
			await castVote(viewer(colleague), before, true);
			await castVote(viewer(colleague), lowered, true);
		}
		await setSelfApproval(viewer(marcus, MANAGER_ROLES), bakery.id, 500);
		expect((await statusOf(before)).status).toBe('accepted');
		expect((await statusOf(lowered)).status).toBe('awaiting_decision');
		await editIdea(viewer(chloe), lowered, ideaInput(bakery.id, { estimatedCost: 450 }));
		expect((await statusOf(lowered)).status).toBe('accepted');
	});

	it('never lets a team accept what a cost band sends above its own manager', async () => {
		const { bakery, chloe, colleagues, marcus } = await makeBakery({ costLimit: 200 });
		await saveApprovalBands(
			[
				{ maxCost: 100, approverLevel: 'own_manager' },
				{ maxCost: null, approverLevel: 'one_up' }
			],
			marcus.id
		);
		const ideaId = await submitTestIdea(chloe, { estimatedCost: 150 });
		for (const colleague of colleagues) await castVote(viewer(colleague), ideaId, true);
		expect((await statusOf(ideaId)).status).toBe('awaiting_decision');
		expect((await getIdeaDetail(viewer(chloe), ideaId))?.selfApproval).toBeNull();
		expect(await setSelfApproval(viewer(marcus, MANAGER_ROLES), bakery.id, 101)).toEqual({
			ok: false,
			errors: {
				costLimit: 'Ideas above 100 go to a manager further up: a team’s limit can be at most 100.'
			}
		});
	});

	it('ignores votes after the deadline: the manager decides then', async () => {
		const { chloe, colleagues, leaver } = await makeBakery();
		await deactivate(leaver);
		const submittedAt = new Date(Date.now() - 12 * DAY_MS);
		const ideaId = await submitTestIdea(chloe, { estimatedCost: 10 }, submittedAt);
		const beforeDeadline = new Date(submittedAt.getTime() + 9 * DAY_MS);
		for (const colleague of colleagues.slice(0, 2)) {
			await castVote(viewer(colleague), ideaId, true, beforeDeadline);
		}
		// The third vote would make two thirds (4 of 6), but it comes after the deadline.
		expect(await castVote(viewer(colleagues[2]), ideaId, true)).toMatchObject({
			ok: true,
			value: { isAcceptedByTeam: false, voteCount: 3 }
		});
		expect((await statusOf(ideaId)).status).toBe('awaiting_decision');
		// The team's vote is over: the idea page no longer counts it.
		expect((await getIdeaDetail(viewer(chloe), ideaId))?.selfApproval).toBeNull();
		expect(
			(await getIdeaDetail(viewer(chloe), ideaId, beforeDeadline))?.selfApproval
		).toMatchObject({ membersFor: 3, votesNeeded: 4 });
	});

	it('leaves ideas over the cost limit, and teams without self-approval, to the manager', async () => {
		const { chloe, colleagues } = await makeBakery({ costLimit: 500 });
		const costly = await submitTestIdea(chloe, { estimatedCost: 500.01 });
		for (const colleague of colleagues) await castVote(viewer(colleague), costly, true);
		expect((await statusOf(costly)).status).toBe('awaiting_decision');
		expect((await getIdeaDetail(viewer(chloe), costly))?.selfApproval).toBeNull();

		const other = await makeBakery({ costLimit: null, storeName: 'Store 2' });
		const free = await submitTestIdea(other.chloe, { estimatedCost: 0 });
		for (const colleague of other.colleagues) await castVote(viewer(colleague), free, true);
		expect((await statusOf(free)).status).toBe('awaiting_decision');
	});

	it('shows the team the members who count, as the vote counts them (not the invited)', async () => {
		const { bakery, marcus } = await makeBakery();
		const rows = await listTeamSettings(viewer(marcus, MANAGER_ROLES));
		// Chloe, five colleagues and Ex can sign in; Newbie is only invited.
		expect(rows.find((row) => row.id === bakery.id)).toMatchObject({
			activeMembers: 7,
			votesNeeded: 5,
			selfApprovalCostLimit: 500
		});
	});

	it('lets only the team’s managers (or an administrator) switch it on', async () => {
		const { bakery, chloe, marcus } = await makeBakery({ costLimit: null });
		expect(await setSelfApproval(viewer(chloe), bakery.id, 100)).toMatchObject({
			ok: false,
			status: 403
		});
		const otherManager = await makePerson({
			roles: MANAGER_ROLES,
			manages: [(await makeTeam('Elsewhere')).id]
		});
		expect(
			await setSelfApproval(viewer(otherManager, MANAGER_ROLES), bakery.id, 100)
		).toMatchObject({ ok: false, status: 403 });
		expect(await setSelfApproval(viewer(marcus, MANAGER_ROLES), bakery.id, 100)).toEqual({
			ok: true,
			value: null
		});
		const [team] = await db.select().from(teams).where(eq(teams.id, bakery.id));
		expect(team.selfApprovalCostLimit).toBe(100);
	});
});

describe('the veto', () => {
	async function selfApprovedIdea(at = new Date()) {
		const bakery = await makeBakery();
		await deactivate(bakery.leaver);
		const ideaId = await submitTestIdea(bakery.chloe, { estimatedCost: 25 }, at);
		for (const colleague of bakery.colleagues.slice(0, 3)) {
			await castVote(viewer(colleague), ideaId, true, at);
		}
		expect((await statusOf(ideaId)).status).toBe('accepted');
		return { ...bakery, ideaId, manager: viewer(bakery.marcus, MANAGER_ROLES) };
	}

	it('lets a deciding manager overturn the team within 48 hours, with a reason', async () => {
		const acceptedAt = new Date(Date.now() - 47 * HOUR_MS);
		const { ideaId, manager, chloe } = await selfApprovedIdea(acceptedAt);
		expect((await listQueue(manager)).vetoable.map((item) => item.id)).toEqual([ideaId]);
		expect((await getIdeaDetail(manager, ideaId))?.vetoUntil).toEqual(
			new Date(acceptedAt.getTime() + 48 * HOUR_MS)
		);

		expect(await vetoSelfApproval(manager, ideaId, '')).toEqual({
			ok: false,
			errors: { reason: 'Give a reason: the team deserves to know why.' }
		});
		expect(await vetoSelfApproval(manager, ideaId, 'The oven supplier forbids it.')).toEqual({
			ok: true,
			value: null
		});
		expect(await statusOf(ideaId)).toMatchObject({
			status: 'rejected',
			decisionNote: 'The oven supplier forbids it.',
			decidedById: manager.id,
			ownerId: null
		});
		const [event] = await db
			.select()
			.from(ideaEvents)
			.where(and(eq(ideaEvents.ideaId, ideaId), eq(ideaEvents.fromStatus, 'accepted')));
		expect(event).toMatchObject({
			actorId: manager.id,
			toStatus: 'rejected',
			note: 'Vetoed the team’s acceptance: The oven supplier forbids it.'
		});

		// The acceptance points are taken back by a new entry, never by editing the ledger.
		const entries = await db
			.select({ reason: pointEntries.reason, points: pointEntries.points })
			.from(pointEntries)
			.where(eq(pointEntries.ideaId, ideaId))
			.orderBy(asc(pointEntries.id));
		expect(entries).toEqual([
			{ reason: 'submitted', points: 5 },
			{ reason: 'accepted', points: 20 },
			{ reason: 'correction', points: -20 }
		]);
		expect((await getPointsSummary(chloe.id)).total).toBe(5);

		// HR's rollups after the veto equal a rebuild from scratch (decided, no longer accepted).
		const incremental = await db.select().from(teamDailyStats);
		await db.transaction((tx) => rebuildRollups(tx));
		const rebuilt = await db.select().from(teamDailyStats);
		const byKey = (rows: typeof incremental) =>
			rows
				.filter((row) => row.submitted + row.decided + row.accepted + row.due + row.votes > 0)
				.sort((a, b) => `${a.teamId}${a.day}`.localeCompare(`${b.teamId}${b.day}`));
		expect(byKey(incremental)).toEqual(byKey(rebuilt));
		const totals = await db
			.select({
				decided: sql<number>`sum(${teamDailyStats.decided})::int`,
				accepted: sql<number>`sum(${teamDailyStats.accepted})::int`
			})
			.from(teamDailyStats);
		expect(totals).toEqual([{ decided: 1, accepted: 0 }]);
	});

	it('closes after 48 hours', async () => {
		const { ideaId, manager } = await selfApprovedIdea(new Date(Date.now() - 49 * HOUR_MS));
		expect((await getIdeaDetail(manager, ideaId))?.vetoUntil).toBeNull();
		expect((await listQueue(manager)).vetoable).toEqual([]);
		const late = await vetoSelfApproval(manager, ideaId, 'Too late?');
		expect(late).toMatchObject({ ok: false, status: 409 });
		expect((await statusOf(ideaId)).status).toBe('accepted');
	});

	it('is only for the idea’s deciders, and only for ideas the team accepted itself', async () => {
		const { ideaId, chloe, colleagues, outsider, manager } = await selfApprovedIdea();
		expect(await vetoSelfApproval(viewer(outsider), ideaId, 'No.')).toMatchObject({
			status: 403
		});
		const strangerManager = await makePerson({
			roles: MANAGER_ROLES,
			manages: [(await makeTeam('Elsewhere')).id]
		});
		expect(
			await vetoSelfApproval(viewer(strangerManager, MANAGER_ROLES), ideaId, 'No.')
		).toMatchObject({ status: 403 });

		// An idea the manager accepted is not the team's: no veto (a drop is the way out).
		const costly = await submitTestIdea(chloe, { estimatedCost: 900 });
		const accept = decisionsWith({ to: 'accepted', ownerId: colleagues[0].id });
		const targetDate = new Date(Date.now() + 7 * DAY_MS).toISOString().slice(0, 10);
		expect(await decideIdea(manager, costly, accept({ targetDate }))).toMatchObject({ ok: true });
		expect(await vetoSelfApproval(manager, costly, 'Changed my mind.')).toMatchObject({
			ok: false,
			status: 409
		});
	});
});
