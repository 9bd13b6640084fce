import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, pgErrorCode } from '../../src/lib/server/db';
import { ideas, notifications, pointEntries } from '../../src/lib/server/db/schema';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { awardPoints, getPointsSummary } from '../../src/lib/server/recognition/points';
import { listThanksReceived, sendThanks } from '../../src/lib/server/recognition/thanks';
import { getTeamWall } from '../../src/lib/server/recognition/wall';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import { useTestDatabase } from './support/database';
import { makePlant, submitTestIdea, viewer, decisionsWith, MANAGER_ROLES } from './support/ideas';

useTestDatabase();

const MANAGER = MANAGER_ROLES;
const decision = decisionsWith({ note: 'Done well.', targetDate: '2099-01-01' });

describe('recognition points', () => {
	it('pays every idea, more on acceptance, more on implementation by realised savings', async () => {
		const { yuki, aiko } = await makePlant();
		const small = await submitTestIdea(yuki, { title: 'Small' });
		const big = await submitTestIdea(yuki, { title: 'Big' });
		expect((await getPointsSummary(yuki.id)).total).toBe(10);

		const manager = viewer(aiko, [...MANAGER]);
		for (const ideaId of [small, big]) {
			await decideIdea(manager, ideaId, decision({ ownerId: yuki.id }));
		}
		expect((await getPointsSummary(yuki.id)).total).toBe(50);

		const implement = (ideaId: string, realisedSavings: number | null) =>
			decideIdea(
				manager,
				ideaId,
				decision({ to: 'implemented', expectedStatus: 'accepted', realisedSavings })
			);
		await implement(small, null); // +50
		await implement(big, 2_000_000); // +50 and the cap of 450 extra
		const summary = await getPointsSummary(yuki.id);
		expect(summary.total).toBe(50 + 50 + 500);
		expect(summary.entries.map((entry) => [entry.reason, entry.points])).toEqual([
			['implemented', 500],
			['implemented', 50],
			['accepted', 20],
			['accepted', 20],
			['submitted', 5],
			['submitted', 5]
		]);
	});

	it('credits each step of an idea once, however often it is retried', async () => {
		const { yuki } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		await awardPoints(db, { id: ideaId, authorId: yuki.id }, 'submitted');
		await awardPoints(db, { id: ideaId, authorId: yuki.id }, 'submitted');
		expect((await getPointsSummary(yuki.id)).total).toBe(5);
	});

	it('keeps the ledger append-only: entries cannot be changed or removed, only corrected', async () => {
		const { yuki } = await makePlant();
		await submitTestIdea(yuki);
		// The database's own trigger refuses (restrict_violation), whichever way the change comes.
		const refusal = async (change: Promise<unknown>) => {
			const error = await change.then(
				() => null,
				(caught: unknown) => caught
			);
			return pgErrorCode(error);
		};
		expect(await refusal(db.update(pointEntries).set({ points: 500 }))).toBe('23001');
		expect(await refusal(db.delete(pointEntries))).toBe('23001');
		expect(await refusal(db.execute(sql`update point_entries set points = 500`))).toBe('23001');
		expect((await getPointsSummary(yuki.id)).total).toBe(5);

		await db
			.insert(pointEntries)
			.values({ personId: yuki.id, reason: 'correction', points: -5, note: 'Duplicate idea' });
		const summary = await getPointsSummary(yuki.id);
		expect(summary.total).toBe(0);
		expect(summary.entries).toHaveLength(2);
	});
});

describe('thank-yous', () => {
	it('lets a manager of the team thank the author, who is told; nobody else may', async () => {
		const { yuki, daichi, aiko, marcus } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		expect(await sendThanks(viewer(daichi), ideaId, 'Nice!')).toMatchObject({
			ok: false,
			status: 403
		});
		expect(await sendThanks(viewer(marcus, [...MANAGER]), ideaId, 'Nice!')).toMatchObject({
			ok: false,
			status: 403
		});
		expect((await sendThanks(viewer(aiko, [...MANAGER]), ideaId, 'Thank you, Yuki!')).ok).toBe(
			true
		);

		expect(
			(await listThanksReceived(yuki.id)).map((thank) => [thank.message, thank.fromName])
		).toEqual([['Thank you, Yuki!', 'Aiko']]);
		const told = await db.select().from(notifications).where(eq(notifications.kind, 'thanks'));
		expect(told.map((n) => n.recipientId)).toEqual([yuki.id]);
	});
});

describe('the team wall', () => {
	it('shows the ideas implemented this month across the person’s site', async () => {
		await updateOrganisationSettings({ timeZone: 'Europe/Berlin' });
		const { yuki, daichi, aiko, sam } = await makePlant();
		const manager = viewer(aiko, [...MANAGER]);
		const thisMonth = await submitTestIdea(yuki, { title: 'This month' });
		const lastMonth = await submitTestIdea(yuki, { title: 'Last month' });
		for (const ideaId of [thisMonth, lastMonth]) {
			await decideIdea(manager, ideaId, decision({ ownerId: yuki.id }));
			await decideIdea(
				manager,
				ideaId,
				decision({ to: 'implemented', expectedStatus: 'accepted', realisedSavings: 900 })
			);
		}
		const now = new Date('2026-11-24T10:00:00Z');
		await db
			.update(ideas)
			.set({ implementedAt: new Date('2026-11-02T09:00:00Z') })
			.where(eq(ideas.id, thisMonth));
		// 31 October, 23:30 in Berlin: still last month there, though 1 November in some zones.
		await db
			.update(ideas)
			.set({ implementedAt: new Date('2026-10-31T22:30:00Z') })
			.where(eq(ideas.id, lastMonth));

		const wall = await getTeamWall(viewer(daichi), now);
		expect(wall).toMatchObject({ teamName: 'Plant', monthLabel: 'November 2026' });
		expect(wall.ideas.map((idea) => [idea.title, idea.realisedSavings])).toEqual([
			['This month', 900]
		]);
		expect((await getTeamWall(viewer(sam), now)).ideas).toEqual([]);
	});
});
