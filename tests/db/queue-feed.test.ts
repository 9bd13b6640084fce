import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import { ideas, teamManagers } from '../../src/lib/server/db/schema';
import { listFeed } from '../../src/lib/server/ideas/feed';
import { listQueue } from '../../src/lib/server/ideas/queue';
import { findSimilarIdeas } from '../../src/lib/server/ideas/similar';
import { castVote } from '../../src/lib/server/ideas/vote';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import { useTestDatabase } from './support/database';
import { makePerson } from './support/factories';
import { submitIdea } from '../../src/lib/server/ideas/submit';
import { ideaInput, makePlant, submitTestIdea, viewer, MANAGER_ROLES } from './support/ideas';

useTestDatabase();

/** The first bytes of a PNG: enough for the photo checks. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const MANAGER = MANAGER_ROLES;

describe('idea cards', () => {
	it('name the author, the team and the owner, and know which ideas have a photo', async () => {
		const { yuki, daichi, aiko, line } = await makePlant();
		const withPhoto = await submitIdea(viewer(yuki), ideaInput(line.id), PNG);
		if (!withPhoto.ok) throw new Error('not submitted');
		const owned = await submitTestIdea(daichi, { title: 'Owned by Aiko' });
		await db
			.update(ideas)
			.set({ status: 'accepted', ownerId: aiko.id, decidedAt: new Date() })
			.where(eq(ideas.id, owned));

		const { items } = await listFeed(viewer(aiko, [...MANAGER]), { scope: 'all', sort: 'newest' });
		const card = (id: string) => items.find((item) => item.id === id);
		expect(card(withPhoto.value.ideaId)).toMatchObject({
			authorName: 'Yuki',
			teamName: 'Line 1',
			ownerName: null,
			hasPhoto: true
		});
		expect(card(owned)).toMatchObject({
			authorName: 'Daichi',
			teamName: 'Line 1',
			ownerName: 'Aiko',
			hasPhoto: false
		});
		const accepted = await listQueue(viewer(aiko, [...MANAGER]), new Date(), { tab: 'accepted' });
		expect(accepted.accepted.map((item) => [item.title, item.ownerName])).toEqual([
			['Owned by Aiko', 'Aiko']
		]);
	});
});

describe('the manager queue', () => {
	it('orders overdue first, then by deadline, then by votes, with badges and counts', async () => {
		const { yuki, daichi, aiko } = await makePlant();
		const now = new Date('2026-05-11T12:00:00Z');
		const ago = (ms: number) => new Date(now.getTime() - ms);
		await submitTestIdea(yuki, { title: 'Overdue' }, ago(12 * DAY_MS));
		await submitTestIdea(yuki, { title: 'Due today' }, ago(10 * DAY_MS - 2 * HOUR_MS));
		await submitTestIdea(yuki, { title: 'Soon, few votes' }, ago(9 * DAY_MS));
		const soonManyVotes = await submitTestIdea(
			yuki,
			{ title: 'Soon, many votes' },
			ago(9 * DAY_MS)
		);
		await castVote(viewer(daichi), soonManyVotes, true);
		await submitTestIdea(yuki, { title: 'Fresh' }, ago(DAY_MS));

		const queue = await listQueue(viewer(aiko, [...MANAGER]), now);
		expect(queue.awaiting.map((item) => item.title)).toEqual([
			'Overdue',
			'Due today',
			'Soon, many votes',
			'Soon, few votes',
			'Fresh'
		]);
		expect(queue.awaiting.map((item) => item.deadline.urgency)).toEqual([
			'overdue',
			'due_today',
			'due_48h',
			'due_48h',
			'on_track'
		]);
		expect(queue.counts).toMatchObject({ awaiting: 5, overdue: 1, dueToday: 1, due48h: 2 });

		// A page of the queue: the first cards in the same order, the counts still over them all.
		const firstTwo = await listQueue(viewer(aiko, [...MANAGER]), now, { shown: 2 });
		expect(firstTwo.awaiting.map((item) => item.title)).toEqual(['Overdue', 'Due today']);
		expect(firstTwo.counts).toMatchObject({ awaiting: 5, overdue: 1, dueToday: 1, due48h: 2 });
	});

	it('escalates an overdue idea to the next manager up, marked so, and only once overdue', async () => {
		const { yuki, aiko, kenji, marcus } = await makePlant();
		const now = new Date('2026-05-11T12:00:00Z');
		await submitTestIdea(yuki, { title: 'Late one' }, new Date(now.getTime() - 11 * DAY_MS));
		await submitTestIdea(yuki, { title: 'On time' }, new Date(now.getTime() - DAY_MS));

		const upper = await listQueue(viewer(kenji, [...MANAGER]), now);
		expect(upper.awaiting.map((item) => [item.title, item.isEscalated])).toEqual([
			['Late one', true]
		]);
		const direct = await listQueue(viewer(aiko, [...MANAGER]), now);
		expect(direct.awaiting.map((item) => [item.title, item.isEscalated])).toEqual([
			['Late one', false],
			['On time', false]
		]);
		expect((await listQueue(viewer(marcus, [...MANAGER]), now)).awaiting).toEqual([]);
	});

	it('shows accepted ideas awaiting implementation in their own tab', async () => {
		const { yuki, aiko } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		await db
			.update(ideas)
			.set({ status: 'accepted', targetDate: '2026-06-01' })
			.where(eq(ideas.id, ideaId));
		const queue = await listQueue(viewer(aiko, [...MANAGER]), new Date(), { tab: 'accepted' });
		expect(queue.awaiting).toEqual([]);
		expect(queue.accepted.map((item) => item.id)).toEqual([ideaId]);
		// The other tab only counts them: the cards are read when their tab is opened.
		const awaitingTab = await listQueue(viewer(aiko, [...MANAGER]));
		expect(awaitingTab.accepted).toEqual([]);
		expect(awaitingTab.counts).toMatchObject({ accepted: 1, hasMoreAccepted: false });
	});

	it('shows the accepted ideas a page at a time, soonest target first, counting them all', async () => {
		const { yuki, aiko } = await makePlant();
		const byTarget = ['2026-06-03', '2026-06-01', '2026-06-02'];
		const ids = [];
		for (const targetDate of byTarget) {
			const ideaId = await submitTestIdea(yuki);
			await db.update(ideas).set({ status: 'accepted', targetDate }).where(eq(ideas.id, ideaId));
			ids.push(ideaId);
		}
		const manager = viewer(aiko, [...MANAGER]);
		const page = await listQueue(manager, new Date(), { tab: 'accepted', shown: 2 });
		expect(page.accepted.map((item) => item.id)).toEqual([ids[1], ids[2]]);
		expect(page.counts).toMatchObject({ accepted: 3, hasMoreAccepted: false });
		const more = await listQueue(manager, new Date(), { tab: 'accepted', shown: 4 });
		expect(more.accepted.map((item) => item.id)).toEqual([ids[1], ids[2], ids[0]]);
	});
});

describe('the feed', () => {
	it('pages through every idea exactly once with keyset pagination, in each sort', async () => {
		const { yuki, line } = await makePlant();
		const start = new Date('2026-01-01T08:00:00Z');
		const ids: string[] = [];
		for (let i = 0; i < 45; i++) {
			ids.push(
				await submitTestIdea(yuki, { title: `Idea ${i}` }, new Date(start.getTime() + i * HOUR_MS))
			);
		}
		const voters = await Promise.all(
			Array.from({ length: 3 }, () => makePerson({ teamId: line.id }))
		);
		for (const [index, ideaId] of ids.entries()) {
			for (const voter of voters.slice(0, index % 4)) await castVote(viewer(voter), ideaId, true);
		}
		for (const sort of ['newest', 'votes', 'due'] as const) {
			const seen: string[] = [];
			let cursor: string | undefined;
			let pages = 0;
			do {
				const page = await listFeed(viewer(yuki), { scope: 'all', sort, cursor });
				seen.push(...page.items.map((item) => item.id));
				cursor = page.nextCursor ?? undefined;
				pages++;
			} while (cursor && pages < 10);
			expect(pages, sort).toBe(3);
			expect(new Set(seen).size, sort).toBe(45);
		}
		const newest = await listFeed(viewer(yuki), { scope: 'all', sort: 'newest' });
		expect(newest.items[0].title).toBe('Idea 44');
		const byVotes = await listFeed(viewer(yuki), { scope: 'all', sort: 'votes' });
		expect(byVotes.items.slice(0, 3).map((item) => item.voteCount)).toEqual([3, 3, 3]);
	});

	it('filters by team, status, benefit and words, and ignores a forged cursor', async () => {
		const { yuki, sam } = await makePlant();
		await submitTestIdea(yuki, { title: 'Shadow board for wrenches', benefitType: 'time' });
		await submitTestIdea(sam, { title: 'Crates instead of cardboard', benefitType: 'environment' });
		const titles = async (query: Parameters<typeof listFeed>[1]) =>
			(await listFeed(viewer(yuki), query)).items.map((item) => item.title);
		expect(await titles({ scope: 'team', sort: 'newest' })).toEqual(['Shadow board for wrenches']);
		expect(await titles({ scope: 'all', sort: 'newest', benefitType: 'environment' })).toEqual([
			'Crates instead of cardboard'
		]);
		expect(await titles({ scope: 'all', sort: 'newest', search: 'cardboard' })).toEqual([
			'Crates instead of cardboard'
		]);
		expect(await titles({ scope: 'all', sort: 'newest', status: 'accepted' })).toEqual([]);
		expect(await titles({ scope: 'all', sort: 'newest', cursor: 'not-a-cursor' })).toHaveLength(2);
		expect(await titles({ scope: 'all', sort: 'newest', search: '"unbalanced (' })).toEqual([]);
		// Cursors of the right shape with impossible values are ignored too, never a database error.
		const forged = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
		for (const cursor of [
			forged({ at: '1', id: '00000000-0000-0000-0000-000000000000' }),
			forged({ at: '+275760-09-13T00:00:00.000Z', id: '00000000-0000-0000-0000-000000000000' }),
			forged({ at: '2026-01-01T00:00:00.000Z', id: '------------------------------------' }),
			forged({
				at: '2026-01-01T00:00:00.000Z',
				id: '00000000-0000-0000-0000-000000000000',
				votes: 1e20
			})
		]) {
			expect(await titles({ scope: 'all', sort: 'votes', cursor })).toHaveLength(2);
		}
	});

	it('shows only the own team’s ideas to employees when the organisation limits it', async () => {
		const { yuki, sam, kenji, hana } = await makePlant();
		await submitTestIdea(yuki, { title: 'Line idea' });
		await submitTestIdea(sam, { title: 'Store idea' });
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		const titles = async (who: Parameters<typeof listFeed>[0]) =>
			(await listFeed(who, { scope: 'all', sort: 'newest' })).items
				.map((item) => item.title)
				.sort();
		expect(await titles(viewer(sam))).toEqual(['Store idea']);
		expect(await titles(viewer(kenji, [...MANAGER]))).toEqual(['Line idea']);
		expect(await titles(viewer(hana, ['hr']))).toEqual(['Line idea', 'Store idea']);
	});

	it('follows a change of visibility or of managers at once, though it assumes the last it saw', async () => {
		const { yuki, sam, marcus, line } = await makePlant();
		await submitTestIdea(yuki, { title: 'Line idea' });
		await submitTestIdea(sam, { title: 'Store idea' });
		const titles = async (who: Parameters<typeof listFeed>[0]) =>
			(await listFeed(who, { scope: 'all', sort: 'newest' })).items
				.map((item) => item.title)
				.sort();
		expect(await titles(viewer(sam))).toEqual(['Line idea', 'Store idea']);
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		expect(await titles(viewer(sam))).toEqual(['Store idea']);
		const marcusAsManager = viewer(marcus, ['manager']);
		expect(await titles(marcusAsManager)).toEqual(['Store idea']);
		await db.insert(teamManagers).values({ teamId: line.id, personId: marcus.id });
		expect(await titles(marcusAsManager)).toEqual(['Line idea', 'Store idea']);
	});

	it('offers similar open ideas while a title is typed', async () => {
		const { yuki, sam } = await makePlant();
		await submitTestIdea(yuki, { title: 'Shadow board for torque wrenches' });
		await submitTestIdea(yuki, { title: 'Anti-slip mats at the wash station' });
		const similar = await findSimilarIdeas(viewer(sam), 'torque wrench');
		expect(similar.map((idea) => idea.title)).toEqual(['Shadow board for torque wrenches']);
		expect(await findSimilarIdeas(viewer(sam), 'a b')).toEqual([]);
		// Common words alone match nothing.
		expect(await findSimilarIdeas(viewer(sam), 'The idea: for the, with the')).toEqual([]);
	});
});

describe('the overdue list for HR', () => {
	it('lists overdue ideas longest first, with the managers they wait on and the escalation', async () => {
		const { yuki, sam } = await makePlant();
		const now = new Date('2026-05-11T12:00:00Z');
		const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
		await submitTestIdea(yuki, { title: 'Three days late' }, ago(13));
		await submitTestIdea(sam, { title: 'One day late' }, ago(11));
		await submitTestIdea(yuki, { title: 'Not late' }, ago(2));
		const { listOverdueIdeas } = await import('../../src/lib/server/ideas/overdue');
		const overdue = await listOverdueIdeas(50, now);
		expect(overdue.total).toBe(2);
		expect(
			overdue.ideas.map((idea) => [idea.title, idea.deciderNames, idea.escalationNames])
		).toEqual([
			['Three days late', ['Aiko'], ['Kenji']],
			['One day late', ['Marcus'], []]
		]);
		// A page of them, counted in full.
		const first = await listOverdueIdeas(1, now);
		expect(first.ideas.map((idea) => idea.title)).toEqual(['Three days late']);
		expect(first.total).toBe(2);
	});
});
