import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import {
	assumeSession,
	createSession,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { castVote } from '../../src/lib/server/ideas/vote';
import { addComment, deleteComment } from '../../src/lib/server/ideas/comments';
import { submitIdea } from '../../src/lib/server/ideas/submit';
import { countMyIdeas, getIdeaDetail, listMyIdeas } from '../../src/lib/server/ideas/detail';
import { getIdeaPhoto } from '../../src/lib/server/ideas/photos';
import { db } from '../../src/lib/server/db';
import {
	ideaEvents,
	ideaPhotos,
	ideas,
	notifications,
	personRoles,
	sessions,
	teamManagers,
	votes
} from '../../src/lib/server/db/schema';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import { useTestDatabase } from './support/database';
import { makePerson } from './support/factories';
import { ideaInput, makePlant, submitTestIdea, viewer } from './support/ideas';

useTestDatabase();

const voteCount = async (ideaId: string) =>
	(await db.select().from(ideas).where(eq(ideas.id, ideaId)))[0].voteCount;

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('submitting an idea', () => {
	it('promises a decision 10 days later, records the event and tells the deciding manager', async () => {
		await updateOrganisationSettings({
			name: 'Hanami',
			decisionDeadlineDays: 10,
			timeZone: 'Europe/Berlin'
		});
		const { yuki, aiko, kenji } = await makePlant();
		const now = new Date('2026-03-20T09:30:00Z');
		const submitted = await submitIdea(viewer(yuki), ideaInput(yuki.homeTeamId), PNG, now);
		expect(submitted.ok).toBe(true);
		if (!submitted.ok) return;
		// 10:30 in Berlin on 20 March; ten days later is after the switch to summer time, still 10:30.
		expect(submitted.value.decisionDueAt.toISOString()).toBe('2026-03-30T08:30:00.000Z');
		expect(submitted.value.dueDateLabel).toBe('Monday, 30 March 2026');

		const [idea] = await db.select().from(ideas).where(eq(ideas.id, submitted.value.ideaId));
		expect(idea.status).toBe('awaiting_decision');
		const events = await db.select().from(ideaEvents).where(eq(ideaEvents.ideaId, idea.id));
		expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
			[null, 'awaiting_decision', yuki.id]
		]);

		const told = await db.select().from(notifications).where(eq(notifications.ideaId, idea.id));
		expect(told.map((n) => n.recipientId)).toEqual([aiko.id]);
		expect(told.map((n) => n.recipientId)).not.toContain(kenji.id);

		const photo = await getIdeaPhoto(viewer(yuki), idea.id);
		expect(photo?.contentType).toBe('image/png');
		expect([...photo!.bytes]).toEqual([...PNG]);
	});

	it('refuses a photo that is not an image, or larger than 5 MB, and writes nothing', async () => {
		const { yuki } = await makePlant();
		const text = new TextEncoder().encode('<script>alert(1)</script>');
		const notImage = await submitIdea(viewer(yuki), ideaInput(yuki.homeTeamId), text);
		expect(notImage).toEqual({ ok: false, errors: { photo: 'Use a JPEG, PNG or WebP photo.' } });

		const huge = new Uint8Array(5 * 1024 * 1024 + 1);
		huge.set([0xff, 0xd8, 0xff]);
		const tooBig = await submitIdea(viewer(yuki), ideaInput(yuki.homeTeamId), huge);
		expect(tooBig.ok || tooBig.errors.photo).toMatch(/the limit is 5 MB/);
		expect(await db.select().from(ideas)).toHaveLength(0);
		expect(await db.select().from(ideaPhotos)).toHaveLength(0);
	});

	it('is for people with the Employee role', async () => {
		const { hana } = await makePlant();
		const refused = await submitIdea(viewer(hana, ['hr']), ideaInput(hana.homeTeamId), null);
		expect(refused).toMatchObject({ ok: false, status: 403 });
	});

	it('serves the photo only to people who may see the idea', async () => {
		const { yuki, sam } = await makePlant();
		const submitted = await submitIdea(viewer(yuki), ideaInput(yuki.homeTeamId), PNG);
		if (!submitted.ok) throw new Error('not submitted');
		expect(await getIdeaPhoto(viewer(sam), submitted.value.ideaId)).not.toBeNull();
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		expect(await getIdeaPhoto(viewer(sam), submitted.value.ideaId)).toBeNull();
	});
});

describe('votes', () => {
	it('toggles a vote on and off, keeping the count exact, and ignores a doubled vote', async () => {
		const { yuki, daichi } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		expect(await castVote(viewer(daichi), ideaId, true)).toEqual({
			ok: true,
			value: { hasVoted: true, voteCount: 1, isAcceptedByTeam: false }
		});
		expect(await castVote(viewer(daichi), ideaId, true)).toEqual({
			ok: true,
			value: { hasVoted: true, voteCount: 1, isAcceptedByTeam: false }
		});
		expect((await getIdeaDetail(viewer(daichi), ideaId))?.hasVoted).toBe(true);
		expect(await castVote(viewer(daichi), ideaId, false)).toEqual({
			ok: true,
			value: { hasVoted: false, voteCount: 0, isAcceptedByTeam: false }
		});
		expect(await castVote(viewer(daichi), ideaId, false)).toEqual({
			ok: true,
			value: { hasVoted: false, voteCount: 0, isAcceptedByTeam: false }
		});
	});

	it('never lets authors vote on their own idea, nor anyone on a decided one', async () => {
		const { yuki, daichi } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		// A colleague first, so the author's attempt meets the one-statement vote, not the fallback.
		expect((await castVote(viewer(daichi), ideaId, true)).ok).toBe(true);
		expect(await castVote(viewer(yuki), ideaId, true)).toMatchObject({ ok: false, status: 403 });
		await db.update(ideas).set({ status: 'rejected' }).where(eq(ideas.id, ideaId));
		expect(await castVote(viewer(daichi), ideaId, true)).toMatchObject({ ok: false, status: 409 });
		// Nor taken back: the count at the decision stands.
		expect(await castVote(viewer(daichi), ideaId, false)).toMatchObject({ ok: false, status: 409 });
		expect(await db.select().from(votes)).toHaveLength(1);
	});

	it('refuses votes on ideas the person may not see, even right after they could', async () => {
		const { yuki, daichi, sam } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		// Votes under one visibility; then it changes, and a vote must not assume the old one.
		expect((await castVote(viewer(sam), ideaId, true)).ok).toBe(true);
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		expect(await castVote(viewer(sam), ideaId, false)).toMatchObject({ ok: false, status: 404 });
		expect((await castVote(viewer(daichi), ideaId, true)).ok).toBe(true);
		const rows = await db.select().from(votes).where(eq(votes.ideaId, ideaId));
		expect(rows.map((row) => row.personId).sort()).toEqual([daichi.id, sam.id].sort());
		await updateOrganisationSettings({ ideaVisibility: 'organisation' });
		expect(await castVote(viewer(sam), ideaId, false)).toMatchObject({
			ok: true,
			value: { voteCount: 1 }
		});
	});

	it('follows the hierarchy: a manager who no longer manages the team may not vote', async () => {
		const { yuki, kenji } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		// Kenji, as a manager only, sees the line's ideas because he manages the plant above it.
		const asManager = viewer(kenji, ['manager']);
		expect((await castVote(asManager, ideaId, true)).ok).toBe(true);
		await db.delete(teamManagers).where(eq(teamManagers.personId, kenji.id));
		expect(await castVote(asManager, ideaId, false)).toMatchObject({ ok: false, status: 404 });
		expect(await castVote(asManager, randomUUID(), true)).toMatchObject({ ok: false, status: 404 });
		expect(await castVote(asManager, 'not-an-id', true)).toMatchObject({ ok: false, status: 404 });
		const [idea] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
		expect(idea.voteCount).toBe(1);
	});

	it('checks an assumed voter’s session inside the vote, reading it only when that fails', async () => {
		const { yuki, daichi } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const { token, session } = await createSession(daichi.id);
		// As requireUser does: read the session, or send the person to sign in.
		const confirm = vi.fn(async () => {
			const valid = await validateSessionToken(token);
			if (!valid) throw new Error('sign in again');
			return valid.user;
		});
		const voter = () => ({ assumed: assumeSession(token), confirm });

		// Nothing to assume yet on this server: the session is read first.
		expect(await castVote(voter(), ideaId, true)).toMatchObject({
			ok: true,
			value: { voteCount: 1 }
		});
		expect(confirm).toHaveBeenCalledTimes(1);
		// Now assumed: the vote's own statement checks the session, and nothing reads it.
		expect(await castVote(voter(), ideaId, false)).toMatchObject({
			ok: true,
			value: { voteCount: 0 }
		});
		expect(confirm).toHaveBeenCalledTimes(1);
		// Their roles changed: the statement refuses, the session is read, and the vote goes ahead.
		await db.insert(personRoles).values({ personId: daichi.id, role: 'hr' });
		expect(await castVote(voter(), ideaId, true)).toMatchObject({
			ok: true,
			value: { voteCount: 1 }
		});
		expect(confirm).toHaveBeenCalledTimes(2);
		// Signed out on another server, which this one cannot know: the vote still refuses them.
		await db.delete(sessions).where(eq(sessions.id, session.id));
		await expect(castVote(voter(), ideaId, false)).rejects.toThrow('sign in again');
		expect(await voteCount(ideaId)).toBe(1);
	});

	it('tells an assumed voter why a vote is refused, as they really are', async () => {
		const { yuki } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const { token } = await createSession(yuki.id);
		const valid = await validateSessionToken(token);
		const confirm = vi.fn(async () => valid!.user);
		const voter = { assumed: assumeSession(token), confirm };
		expect(voter.assumed).not.toBeNull();
		expect(await castVote(voter, ideaId, true)).toMatchObject({ ok: false, status: 403 });
		expect(await castVote(voter, 'not-an-id', true)).toMatchObject({ ok: false, status: 404 });
		expect(confirm).toHaveBeenCalledTimes(2);
		expect(await voteCount(ideaId)).toBe(0);
	});

	it('checks a team-limited voter’s scope and session in one statement, and a scope of their own ideas only', async () => {
		const { yuki, daichi, sam, line } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		const { token } = await createSession(daichi.id);
		await validateSessionToken(token);
		const confirm = vi.fn(async () => (await validateSessionToken(token))!.user);
		const assumedDaichi = () => ({ assumed: assumeSession(token), confirm });
		// The visibility changed since the context was last read: the first vote reads it again.
		expect(await castVote(assumedDaichi(), ideaId, true)).toMatchObject({
			ok: true,
			value: { voteCount: 1 }
		});
		expect(confirm).toHaveBeenCalledTimes(1);
		// Then Daichi's own team's ideas are checked in the statement, with his session, unread.
		expect(await castVote(assumedDaichi(), ideaId, false)).toMatchObject({
			ok: true,
			value: { voteCount: 0 }
		});
		expect(confirm).toHaveBeenCalledTimes(1);
		// Sam's team is another: refused in the statement, then told there is no such idea.
		expect(await castVote(viewer(sam), ideaId, true)).toMatchObject({ ok: false, status: 404 });
		// A manager of no team sees only ideas of their own: Yuki's is not among them.
		const managerOfNothing = await makePerson({ teamId: line.id, roles: ['manager'] });
		expect(await castVote(viewer(managerOfNothing, ['manager']), ideaId, true)).toMatchObject({
			ok: false,
			status: 404
		});
		expect(await voteCount(ideaId)).toBe(0);
	});

	it('stays exact when 60 people toggle at once', async () => {
		const { yuki, line } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const voters = await Promise.all(
			Array.from({ length: 60 }, () => makePerson({ teamId: line.id }))
		);
		// Everyone votes, and every third person immediately takes it back, all in parallel.
		await Promise.all(
			voters.flatMap((person, index) => {
				const actions = [castVote(viewer(person), ideaId, true)];
				if (index % 3 === 0) actions.push(castVote(viewer(person), ideaId, false));
				return actions;
			})
		);
		const rows = await db.select().from(votes).where(eq(votes.ideaId, ideaId));
		const [idea] = await db.select().from(ideas).where(eq(ideas.id, ideaId));
		expect(idea.voteCount).toBe(rows.length);
		expect(rows.length).toBeGreaterThanOrEqual(40);
		expect(rows.length).toBeLessThanOrEqual(60);
	});
});

describe('my ideas', () => {
	it('lists the ideas waiting for my answer first, then the newest, a page at a time', async () => {
		const { yuki, daichi } = await makePlant();
		const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));
		const ids: string[] = [];
		for (const [n, title] of [
			[2, 'Oldest'],
			[3, 'Asked about'],
			[4, 'Accepted'],
			[5, 'Newest']
		] as const) {
			ids.push(await submitTestIdea(yuki, { title }, day(n)));
		}
		await submitTestIdea(daichi, { title: 'Not mine' }, day(6));
		const setStatus = (index: number, status: 'needs_info' | 'accepted' | 'implemented') =>
			db.update(ideas).set({ status }).where(eq(ideas.id, ids[index]));
		await setStatus(1, 'needs_info');
		await setStatus(2, 'implemented');

		const firstPage = await listMyIdeas(viewer(yuki), 3);
		expect(firstPage.total).toBe(4);
		expect(firstPage.ideas.map((idea) => idea.title)).toEqual([
			'Asked about',
			'Newest',
			'Accepted'
		]);
		const everything = await listMyIdeas(viewer(yuki), 30);
		expect(everything.ideas.map((idea) => idea.title)).toEqual([
			'Asked about',
			'Newest',
			'Accepted',
			'Oldest'
		]);
		expect(await listMyIdeas(viewer(daichi), 30)).toMatchObject({ total: 1 });
	});

	it('counts every idea shared, accepted and implemented, however many there are', async () => {
		const { yuki } = await makePlant();
		const ids: string[] = [];
		for (let n = 0; n < 5; n++) ids.push(await submitTestIdea(yuki, { title: `Idea ${n}` }));
		await db.update(ideas).set({ status: 'accepted' }).where(eq(ideas.id, ids[0]));
		await db.update(ideas).set({ status: 'implemented' }).where(eq(ideas.id, ids[1]));
		await db.update(ideas).set({ status: 'rejected' }).where(eq(ideas.id, ids[2]));
		expect(await countMyIdeas(yuki.id)).toEqual({ submitted: 5, accepted: 2, implemented: 1 });
		expect(await countMyIdeas(randomUUID())).toEqual({
			submitted: 0,
			accepted: 0,
			implemented: 0
		});
	});
});

describe('comments', () => {
	it('adds comments and lets only their authors delete them, keeping the count', async () => {
		const { yuki, daichi } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		const added = await addComment(viewer(daichi), ideaId, 'Good one!');
		if (!added.ok) throw new Error('not added');
		await addComment(viewer(yuki), ideaId, 'Thanks');
		expect(await deleteComment(viewer(yuki), added.value.commentId)).toMatchObject({
			ok: false,
			status: 403
		});
		expect((await deleteComment(viewer(daichi), added.value.commentId)).ok).toBe(true);
		const detail = await getIdeaDetail(viewer(yuki), ideaId);
		expect(detail?.comments.map((c) => [c.body, c.isOwn])).toEqual([['Thanks', true]]);
		expect(detail?.idea.commentCount).toBe(1);
	});

	it('refuses comments on ideas the person may not see', async () => {
		const { yuki, sam } = await makePlant();
		const ideaId = await submitTestIdea(yuki);
		await updateOrganisationSettings({ ideaVisibility: 'team' });
		expect(await addComment(viewer(sam), ideaId, 'Peek')).toMatchObject({ ok: false, status: 404 });
	});
});
