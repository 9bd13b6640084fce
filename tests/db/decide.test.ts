import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { ideaEvents, ideas, notifications } from '../../src/lib/server/db/schema';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { editIdea } from '../../src/lib/server/ideas/edit';
import { useTestDatabase } from './support/database';
import {
	ideaInput,
	makePlant,
	submitTestIdea,
	viewer,
	decisionsWith,
	MANAGER_ROLES
} from './support/ideas';

useTestDatabase();

const MANAGER = MANAGER_ROLES;
const decision = decisionsWith();
const statusOf = async (ideaId: string) =>
	(await db.select({ status: ideas.status }).from(ideas).where(eq(ideas.id, ideaId)))[0].status;

describe('deciding an idea', () => {
	it('accepts with an owner and a target date, audits it and tells the author', async () => {
		const { yuki, aiko, daichi } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const now = new Date('2026-04-01T10:00:00Z');

		const missing = await decideIdea(viewer(aiko, [...MANAGER]), ideaId, decision({}), now);
		expect(missing).toEqual({
			ok: false,
			errors: {
				ownerId: 'Choose who implements it.',
				targetDate: 'Choose the date by which it should be done.'
			}
		});
		const past = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ ownerId: daichi.id, targetDate: '2026-03-01' }),
			now
		);
		expect(past.ok || past.errors.targetDate).toBe('Choose today or a later date.');

		const accepted = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ ownerId: daichi.id, targetDate: '2026-04-20', note: 'Go ahead.' }),
			now
		);
		expect(accepted).toEqual({ ok: true, value: { status: 'accepted' } });
		const [idea] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
		expect(idea).toMatchObject({
			status: 'accepted',
			ownerId: daichi.id,
			targetDate: '2026-04-20',
			decidedById: aiko.id
		});
		expect(idea.decidedAt?.toISOString()).toBe(now.toISOString());

		const trail = await db
			.select()
			.from(ideaEvents)
			.where(eq(ideaEvents.ideaId, ideaId))
			.orderBy(ideaEvents.id);
		expect(trail.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
			[null, 'awaiting_decision', yuki.id],
			['awaiting_decision', 'accepted', aiko.id]
		]);
		expect(trail[1].note).toBe('Daichi implements it by 2026-04-20. Go ahead.');
		const told = await db
			.select()
			.from(notifications)
			.where(eq(notifications.recipientId, yuki.id));
		expect(told.map((n) => n.kind)).toEqual(['idea_decided']);
	});

	it('needs a reason to reject, out of respect for the author', async () => {
		const { yuki, aiko } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const noReason = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ to: 'rejected' })
		);
		expect(noReason).toEqual({
			ok: false,
			errors: { note: 'Give a reason: the author deserves to know why.' }
		});
		expect(await statusOf(ideaId)).toBe('awaiting_decision');
		const rejected = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ to: 'rejected', note: 'We are replacing the line.' })
		);
		expect(rejected.ok).toBe(true);
		expect(await statusOf(ideaId)).toBe('rejected');
	});

	it('asks for information; the author answers by editing and the deadline stays', async () => {
		const { yuki, aiko } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const [before] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
		const asked = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ to: 'needs_info', note: 'Which station exactly?' })
		);
		expect(asked.ok).toBe(true);
		expect(await statusOf(ideaId)).toBe('needs_info');

		const answered = await editIdea(
			viewer(yuki),
			ideaId,
			ideaInput(yuki.homeTeamId, { proposal: 'Station 4, left side.' })
		);
		expect(answered).toEqual({ ok: true, value: { answered: true } });
		const [after] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
		expect(after.status).toBe('awaiting_decision');
		expect(after.proposal).toBe('Station 4, left side.');
		expect(after.decisionDueAt.toISOString()).toBe(before.decisionDueAt.toISOString());
		const told = await db
			.select()
			.from(notifications)
			.where(eq(notifications.kind, 'idea_answered'));
		expect(told.map((n) => n.recipientId)).toEqual([aiko.id]);
	});

	it('marks an accepted idea implemented with realised savings, or drops it with a reason', async () => {
		const { yuki, aiko, daichi } = await makePlant();
		const first = await submitTestIdea(yuki);
		const second = await submitTestIdea(yuki, { title: 'Another idea' });
		for (const ideaId of [first, second]) {
			await decideIdea(
				viewer(aiko, [...MANAGER]),
				ideaId,
				decision({ ownerId: daichi.id, targetDate: '2099-01-01' })
			);
		}
		const implemented = await decideIdea(
			viewer(aiko, [...MANAGER]),
			first,
			decision({
				to: 'implemented',
				expectedStatus: 'accepted',
				note: 'Board mounted.',
				realisedSavings: 2600
			})
		);
		expect(implemented.ok).toBe(true);
		const [idea] = await db.select().from(ideas).where(eq(ideas.id, first));
		expect(idea).toMatchObject({
			status: 'implemented',
			realisedSavings: 2600,
			implementationNote: 'Board mounted.'
		});

		const dropped = await decideIdea(
			viewer(aiko, [...MANAGER]),
			second,
			decision({ to: 'dropped', expectedStatus: 'accepted', note: 'Line closes.' })
		);
		expect(dropped.ok).toBe(true);
		expect(await statusOf(second)).toBe('dropped');
	});

	it('refuses illegal transitions with a clear message', async () => {
		const { yuki, aiko } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const result = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ to: 'implemented', note: 'Done' })
		);
		expect(result).toEqual({
			ok: false,
			errors: { to: 'An idea that is “Awaiting decision” cannot become “Implemented”.' }
		});
	});

	it('lets managers of the team or above decide, and nobody else — not HR, not another team’s manager', async () => {
		const { yuki, kenji, marcus, hana, daichi } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const reject = decision({ to: 'rejected', note: 'No' });
		expect(await decideIdea(viewer(marcus, [...MANAGER]), ideaId, reject)).toMatchObject({
			status: 403
		});
		expect(await decideIdea(viewer(hana, ['hr', 'admin']), ideaId, reject)).toMatchObject({
			status: 403
		});
		expect(await decideIdea(viewer(daichi), ideaId, reject)).toMatchObject({ status: 403 });
		expect(await statusOf(ideaId)).toBe('awaiting_decision');
		expect((await decideIdea(viewer(kenji, [...MANAGER]), ideaId, reject)).ok).toBe(true);
	});

	it('lets one of two managers deciding at once win, and tells the other who did', async () => {
		const { yuki, aiko, kenji } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const [first, second] = await Promise.all([
			decideIdea(
				viewer(aiko, [...MANAGER]),
				ideaId,
				decision({ to: 'rejected', note: 'Not now.' })
			),
			decideIdea(
				viewer(kenji, [...MANAGER]),
				ideaId,
				decision({ to: 'needs_info', note: 'Which station?' })
			)
		]);
		const results = [first, second];
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		const loser = results.find((r) => !r.ok);
		expect(loser).toMatchObject({ ok: false, status: 409 });
		const winnerName = first.ok ? 'Aiko' : 'Kenji';
		if (loser && !loser.ok)
			expect(loser.errors.form).toContain(`${winnerName} changed this idea first`);
		const trail = await db.select().from(ideaEvents).where(eq(ideaEvents.ideaId, ideaId));
		expect(trail).toHaveLength(2);
	});

	it('sends a manager’s own idea to the manager above; nobody decides their own idea', async () => {
		const { aiko, kenji } = await makePlant();
		const ideaId = await submitTestIdea(aiko);
		const told = await db.select().from(notifications).where(eq(notifications.ideaId, ideaId));
		expect(told.map((n) => n.recipientId)).toEqual([kenji.id]);
		const reject = decision({ to: 'rejected', note: 'No' });
		expect(await decideIdea(viewer(aiko, [...MANAGER]), ideaId, reject)).toMatchObject({
			status: 403
		});
		const { listQueue } = await import('../../src/lib/server/ideas/queue');
		expect((await listQueue(viewer(aiko, [...MANAGER]))).awaiting).toEqual([]);
		const upper = await listQueue(viewer(kenji, [...MANAGER]));
		expect(upper.awaiting.map((item) => [item.id, item.isFromManagerBelow])).toEqual([
			[ideaId, true]
		]);
		expect((await decideIdea(viewer(kenji, [...MANAGER]), ideaId, reject)).ok).toBe(true);
	});

	it('lets the manager decide an idea still waiting for the author’s answer', async () => {
		const { yuki, aiko } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ to: 'needs_info', note: 'Which station?' })
		);
		const rejected = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ to: 'rejected', expectedStatus: 'needs_info', note: 'No answer in ten days.' })
		);
		expect(rejected.ok).toBe(true);
		expect(await statusOf(ideaId)).toBe('rejected');
	});

	it('tells the person named to implement it, who may then read it under team visibility', async () => {
		const { yuki, aiko, sam } = await makePlant();
		const { updateOrganisationSettings } = await import('../../src/lib/server/org/settings');
		const { getIdeaDetail } = await import('../../src/lib/server/ideas/detail');
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		const ideaId = await submitTestIdea(yuki);
		expect(await getIdeaDetail(viewer(sam), ideaId)).toBeNull();
		await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ ownerId: sam.id, targetDate: '2099-01-01' })
		);
		const told = await db.select().from(notifications).where(eq(notifications.recipientId, sam.id));
		expect(told.map((n) => n.kind)).toEqual(['idea_assigned']);
		expect((await getIdeaDetail(viewer(sam), ideaId))?.idea.id).toBe(ideaId);
	});

	it('refuses a decision on a version of the idea the manager has not seen', async () => {
		const { yuki, aiko } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const [seen] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
		await editIdea(
			viewer(yuki),
			ideaId,
			ideaInput(yuki.homeTeamId, { proposal: 'Something else entirely.' }),
			new Date(Date.now() + 1000)
		);
		const onOldText = await decideIdea(
			viewer(aiko, [...MANAGER]),
			ideaId,
			decision({ to: 'rejected', note: 'No.', expectedUpdatedAt: seen.updatedAt.toISOString() })
		);
		expect(onOldText).toMatchObject({ ok: false, status: 409 });
		expect(await statusOf(ideaId)).toBe('awaiting_decision');
	});

	it('writes every edit to the audit trail, saying what changed', async () => {
		const { yuki } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		await editIdea(
			viewer(yuki),
			ideaId,
			ideaInput(yuki.homeTeamId, { proposal: 'A better plan.', estimatedCost: 300 })
		);
		const trail = await db
			.select()
			.from(ideaEvents)
			.where(eq(ideaEvents.ideaId, ideaId))
			.orderBy(ideaEvents.id);
		expect(trail.at(-1)?.note).toBe('Edited. Changed: proposal, estimated cost.');
	});

	it('refuses edits by anyone but the author, and after a decision', async () => {
		const { yuki, daichi, aiko } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		expect(await editIdea(viewer(daichi), ideaId, ideaInput(yuki.homeTeamId))).toMatchObject({
			status: 403
		});
		await decideIdea(viewer(aiko, [...MANAGER]), ideaId, decision({ to: 'rejected', note: 'No.' }));
		expect(await editIdea(viewer(yuki), ideaId, ideaInput(yuki.homeTeamId))).toMatchObject({
			status: 409
		});
	});
});
