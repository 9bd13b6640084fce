import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ApprovalBand } from '../../src/lib/domain/approval';
import { db } from '../../src/lib/server/db';
import {
	hierarchyVersions,
	ideaEvents,
	ideas,
	notifications,
	teamManagers,
	teams
} from '../../src/lib/server/db/schema';
import { saveApprovalBands } from '../../src/lib/server/ideas/approval';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { getIdeaDetail } from '../../src/lib/server/ideas/detail';
import { editIdea } from '../../src/lib/server/ideas/edit';
import { listQueue } from '../../src/lib/server/ideas/queue';
import { loadHierarchy } from '../../src/lib/server/ideas/routing';
import { moveTeam } from '../../src/lib/server/org/teams';
import { useTestDatabase } from './support/database';
import { makePerson, makeTeam } from './support/factories';
import { decisionsWith, ideaInput, MANAGER_ROLES, submitTestIdea, viewer } from './support/ideas';

useTestDatabase();

const TOYOTA_BANDS: ApprovalBand[] = [
	{ maxCost: 200, approverLevel: 'own_manager' },
	{ maxCost: 5000, approverLevel: 'one_up' },
	{ maxCost: null, approverLevel: 'top' }
];

/** Three levels: a group run by Olga, a plant by Kenji, a line by Aiko with Yuki on it. */
async function makeGroup() {
	const group = await makeTeam('Group');
	const plant = await makeTeam('Plant', group.id);
	const line = await makeTeam('Line 1', plant.id);
	const manager = (name: string, teamId: string) =>
		makePerson({ name, teamId, roles: MANAGER_ROLES, manages: [teamId] });
	const olga = await manager('Olga', group.id);
	const kenji = await manager('Kenji', plant.id);
	const aiko = await manager('Aiko', line.id);
	const yuki = await makePerson({ name: 'Yuki', teamId: line.id });
	const asManager = (person: typeof olga) => viewer(person, MANAGER_ROLES);
	const queueIds = async (person: typeof olga, now?: Date) =>
		(await listQueue(asManager(person), now)).awaiting.map((item) => item.id);
	return { group, plant, line, olga, kenji, aiko, yuki, asManager, queueIds };
}

const decision = decisionsWith({ note: 'No budget this year.', to: 'rejected' });

describe('the hierarchy in memory', () => {
	it('is read again only after teams or managers changed, by whatever means', async () => {
		const { line, yuki } = await makeGroup();
		const first = await loadHierarchy();
		expect(await loadHierarchy()).toBe(first);
		// A change written straight to the table (as another app server would) is seen at once.
		await db.insert(teamManagers).values({ teamId: line.id, personId: yuki.id });
		const second = await loadHierarchy();
		expect(second).not.toBe(first);
		expect(second.managersOf.get(line.id)).toContain(yuki.id);
		await db.update(teams).set({ parentId: null }).where(eq(teams.id, line.id));
		expect((await loadHierarchy()).parentOf.get(line.id)).toBeNull();
	});
});

describe('the queue as the hierarchy changes', () => {
	it('moves open ideas between queues when a team moves or its manager leaves', async () => {
		const { group, line, olga, kenji, aiko, yuki, queueIds } = await makeGroup();
		const ideaId = await submitTestIdea(yuki);
		const late = new Date(Date.now() + 11 * 24 * 60 * 60 * 1000);
		expect(await queueIds(aiko)).toEqual([ideaId]);
		expect(await queueIds(kenji, late)).toEqual([ideaId]);

		// The line moves straight under the group: overdue, its idea now escalates to Olga.
		expect(await moveTeam(line.id, group.id)).toMatchObject({ ok: true });
		expect(await queueIds(kenji, late)).toEqual([]);
		expect(await queueIds(olga, late)).toEqual([ideaId]);

		// Aiko stops managing the line (written straight to the table): the next manager up decides.
		await db
			.delete(teamManagers)
			.where(and(eq(teamManagers.teamId, line.id), eq(teamManagers.personId, aiko.id)));
		expect(await queueIds(aiko)).toEqual([]);
		expect(await queueIds(olga)).toEqual([ideaId]);
	});

	it('stores the route at submission, and routes again whenever the version differs', async () => {
		const { group, plant, line, olga, kenji, yuki, queueIds } = await makeGroup();
		const ideaId = await submitTestIdea(yuki);
		const [current] = await db.select().from(hierarchyVersions);
		const stored = () =>
			db
				.select({
					decider: ideas.deciderTeamId,
					escalation: ideas.escalationTeamId,
					version: ideas.routedAtVersion
				})
				.from(ideas)
				.where(eq(ideas.id, ideaId));
		expect(await stored()).toEqual([
			{ decider: line.id, escalation: plant.id, version: current.version }
		]);

		// Two changes may commit in the opposite order of their versions: the version goes back.
		const late = new Date(Date.now() + 11 * 24 * 60 * 60 * 1000);
		await moveTeam(line.id, group.id);
		await db.update(hierarchyVersions).set({ version: current.version - 1 });
		expect(await queueIds(kenji, late)).toEqual([]);
		expect(await queueIds(olga, late)).toEqual([ideaId]);
		expect((await stored())[0]).toMatchObject({
			escalation: group.id,
			version: current.version - 1
		});
	});
});

describe('approval by cost band', () => {
	it('sends every idea to the team’s own manager while no bands are set', async () => {
		const { aiko, kenji, yuki, queueIds } = await makeGroup();
		const ideaId = await submitTestIdea(yuki, { estimatedCost: 90_000 });
		expect(await queueIds(aiko)).toEqual([ideaId]);
		expect(await queueIds(kenji)).toEqual([]);
	});

	it('routes each idea to its band’s approver: own manager, one level up, top', async () => {
		const { olga, kenji, aiko, yuki, asManager, queueIds } = await makeGroup();
		await saveApprovalBands(TOYOTA_BANDS, olga.id);
		const small = await submitTestIdea(yuki, { estimatedCost: 200 });
		const medium = await submitTestIdea(yuki, { estimatedCost: 200.01 });
		const large = await submitTestIdea(yuki, { estimatedCost: 5000.01 });
		const unpriced = await submitTestIdea(yuki, { estimatedCost: null });

		expect((await queueIds(aiko)).sort()).toEqual([small, unpriced].sort());
		expect(await queueIds(kenji)).toEqual([medium]);
		expect(await queueIds(olga)).toEqual([large]);

		// The band and approver show on the idea.
		const detail = await getIdeaDetail(viewer(yuki), medium);
		expect(detail?.approval).toEqual({
			bandLabel: 'Cost up to 5,000',
			approverLabel: 'the manager one level up',
			approverNames: ['Kenji']
		});
		expect((await getIdeaDetail(viewer(yuki), large))?.approval.bandLabel).toBe('Cost above 5,000');

		// Below the band's approver a manager sees the idea but may not decide it; above, one may.
		expect((await getIdeaDetail(asManager(aiko), medium))?.can.decide).toBe(false);
		expect(await decideIdea(asManager(aiko), medium, decision())).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await decideIdea(asManager(olga), medium, decision())).toMatchObject({ ok: true });
	});

	it('escalates an overdue idea to the level above its band’s approver', async () => {
		const { olga, kenji, yuki, queueIds } = await makeGroup();
		await saveApprovalBands(TOYOTA_BANDS, olga.id);
		const ideaId = await submitTestIdea(yuki, { estimatedCost: 1000 });
		const afterDeadline = new Date(Date.now() + 11 * 24 * 60 * 60 * 1000);
		expect(await queueIds(olga)).toEqual([]);
		const olgaQueue = await listQueue(viewer(olga, MANAGER_ROLES), afterDeadline);
		expect(olgaQueue.awaiting.map((item) => [item.id, item.isEscalated])).toEqual([[ideaId, true]]);
		expect(await queueIds(kenji, afterDeadline)).toEqual([ideaId]);
	});

	it('sends an approver’s own idea past them: up a level, or down from the top', async () => {
		const { plant, olga, kenji, aiko, queueIds } = await makeGroup();
		await saveApprovalBands(TOYOTA_BANDS, olga.id);
		const aikosSmallIdea = await submitTestIdea(aiko, { estimatedCost: 50 });
		const kenjisMediumIdea = await submitTestIdea(kenji, { estimatedCost: 1000 });
		const olgasLargeIdea = await submitTestIdea(olga, { estimatedCost: 90_000, teamId: plant.id });
		expect(await queueIds(aiko)).toEqual([]);
		expect(await queueIds(kenji)).toEqual([aikosSmallIdea, olgasLargeIdea]);
		expect(await queueIds(olga)).toEqual([kenjisMediumIdea]);
	});

	it('keeps every idea in someone’s queue when its author is one of its managers', async () => {
		const { line, olga, kenji, aiko, asManager, queueIds } = await makeGroup();
		await saveApprovalBands(TOYOTA_BANDS, olga.id);
		// Aiko's own small idea goes up to Kenji; asked for more, it waits in his queue, not nowhere.
		const aikos = await submitTestIdea(aiko, { estimatedCost: 50 });
		const ask = decisionsWith({ to: 'needs_info', note: 'Which stations?' });
		expect(await decideIdea(asManager(kenji), aikos, ask())).toMatchObject({ ok: true });
		expect((await listQueue(asManager(kenji))).waitingForAuthor.map((item) => item.id)).toEqual([
			aikos
		]);
		// Kenji's idea for Aiko's line is hers to decide; overdue, it skips Kenji and goes to Olga.
		const kenjis = await submitTestIdea(kenji, { estimatedCost: 50, teamId: line.id });
		const late = new Date(Date.now() + 11 * 24 * 60 * 60 * 1000);
		expect(await queueIds(aiko, late)).toEqual([kenjis]);
		const olgaQueue = await listQueue(asManager(olga), late);
		expect(olgaQueue.awaiting.map((item) => [item.id, item.isEscalated])).toEqual([[kenjis, true]]);
	});

	it('lets the team’s own manager follow an accepted idea through, whoever accepted it', async () => {
		const { olga, kenji, aiko, yuki, asManager } = await makeGroup();
		await saveApprovalBands(TOYOTA_BANDS, olga.id);
		const ideaId = await submitTestIdea(yuki, { estimatedCost: 1000 });
		const accept = decisionsWith({ to: 'accepted', ownerId: yuki.id, targetDate: '2099-01-01' });
		expect(await decideIdea(asManager(kenji), ideaId, accept())).toMatchObject({ ok: true });
		const implemented = decisionsWith({
			to: 'implemented',
			expectedStatus: 'accepted',
			note: 'Done.'
		});
		expect(await decideIdea(asManager(aiko), ideaId, implemented())).toMatchObject({ ok: true });
	});

	it('re-routes an idea when its estimate changes, audited and with the new approver told', async () => {
		const { olga, kenji, aiko, yuki, queueIds } = await makeGroup();
		await saveApprovalBands(TOYOTA_BANDS, olga.id);
		const ideaId = await submitTestIdea(yuki, { estimatedCost: 150 });
		expect(await queueIds(aiko)).toEqual([ideaId]);

		const edited = await editIdea(
			viewer(yuki),
			ideaId,
			ideaInput(yuki.homeTeamId, { estimatedCost: 3200 })
		);
		expect(edited.ok).toBe(true);
		expect(await queueIds(aiko)).toEqual([]);
		expect(await queueIds(kenji)).toEqual([ideaId]);
		const [idea] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
		expect(idea.approverLevel).toBe('one_up');
		const notes = (
			await db
				.select({ note: ideaEvents.note })
				.from(ideaEvents)
				.where(eq(ideaEvents.ideaId, ideaId))
				.orderBy(asc(ideaEvents.id))
		).map((row) => row.note);
		expect(notes.at(-1)).toBe(
			'Re-routed: the estimated cost changed from 150 (estimated cost 3,200, cost up to 5,000). ' +
				'Now decided by the manager one level up: Kenji.'
		);
		const told = await db
			.select({ recipientId: notifications.recipientId })
			.from(notifications)
			.where(and(eq(notifications.ideaId, ideaId), eq(notifications.kind, 'idea_rerouted')));
		expect(told).toEqual([{ recipientId: kenji.id }]);

		// An edit that stays in the band moves nothing and adds no re-routing.
		await editIdea(viewer(yuki), ideaId, ideaInput(yuki.homeTeamId, { estimatedCost: 4000 }));
		const reroutings = await db
			.select()
			.from(notifications)
			.where(eq(notifications.kind, 'idea_rerouted'));
		expect(reroutings).toHaveLength(1);
	});

	it('moves waiting ideas when the bands change, and leaves decided ones alone', async () => {
		const { olga, kenji, aiko, yuki, asManager, queueIds } = await makeGroup();
		const waiting = await submitTestIdea(yuki, { estimatedCost: 1000 });
		const decided = await submitTestIdea(yuki, { estimatedCost: 1000 });
		await decideIdea(asManager(aiko), decided, decision());

		const saved = await saveApprovalBands(TOYOTA_BANDS, olga.id);
		expect(saved).toEqual({ ok: true, value: { rerouted: 1 } });
		expect(await queueIds(kenji)).toEqual([waiting]);
		const levels = await db.select({ id: ideas.id, level: ideas.approverLevel }).from(ideas);
		expect(Object.fromEntries(levels.map((row) => [row.id, row.level]))).toEqual({
			[waiting]: 'one_up',
			[decided]: 'own_manager'
		});

		// Saving the same bands again moves nothing.
		expect(await saveApprovalBands(TOYOTA_BANDS, olga.id)).toEqual({
			ok: true,
			value: { rerouted: 0 }
		});
	});

	it('refuses bands that do not make sense, and keeps the old ones', async () => {
		const { olga, yuki, queueIds, aiko } = await makeGroup();
		const refused = await saveApprovalBands(
			[
				{ maxCost: 200, approverLevel: 'top' },
				{ maxCost: null, approverLevel: 'own_manager' }
			],
			olga.id
		);
		expect(refused).toEqual({
			ok: false,
			errors: { bands: 'A costlier band cannot go to a lower approver than a cheaper one.' }
		});
		const ideaId = await submitTestIdea(yuki, { estimatedCost: 100 });
		expect(await queueIds(aiko)).toEqual([ideaId]);
	});
});
