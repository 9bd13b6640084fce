import { asc, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/lib/server/db';
import {
	ideas,
	teamDailyBenefits,
	teamDailyStats,
	teamWeeklyDecisionTimes,
	teamWeeklySubmitters
} from '../../src/lib/server/db/schema';
import { addComment, deleteComment } from '../../src/lib/server/ideas/comments';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { editIdea } from '../../src/lib/server/ideas/edit';
import { castVote } from '../../src/lib/server/ideas/vote';
import {
	decisionTimeBucket,
	rebuildRollups,
	weekStartOf
} from '../../src/lib/server/insights/rollups';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import { useTestDatabase } from './support/database';
import { makePerson } from './support/factories';
import {
	ideaInput,
	makePlant,
	submitTestIdea,
	viewer,
	decisionsWith,
	MANAGER_ROLES
} from './support/ideas';

useTestDatabase();

const HOUR_MS = 60 * 60 * 1000;
const MANAGER = MANAGER_ROLES;

/** A small deterministic random generator (mulberry32), so a failure can be replayed. */
function randomFrom(seed: number) {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

async function snapshot() {
	return {
		daily: await db
			.select()
			.from(teamDailyStats)
			.orderBy(asc(teamDailyStats.teamId), asc(teamDailyStats.day)),
		times: await db
			.select()
			.from(teamWeeklyDecisionTimes)
			.orderBy(
				asc(teamWeeklyDecisionTimes.teamId),
				asc(teamWeeklyDecisionTimes.weekStart),
				asc(teamWeeklyDecisionTimes.bucket)
			),
		benefits: await db
			.select()
			.from(teamDailyBenefits)
			.orderBy(
				asc(teamDailyBenefits.teamId),
				asc(teamDailyBenefits.day),
				asc(teamDailyBenefits.benefitType)
			),
		submitters: await db
			.select()
			.from(teamWeeklySubmitters)
			.orderBy(
				asc(teamWeeklySubmitters.teamId),
				asc(teamWeeklySubmitters.weekStart),
				asc(teamWeeklySubmitters.personId)
			)
	};
}

const decision = decisionsWith({ note: 'Because.', targetDate: '2099-01-01' });

describe('rollups', () => {
	it('know their weeks and decision-time buckets', () => {
		expect(weekStartOf('2026-11-24')).toBe('2026-11-23'); // a Tuesday → Monday
		expect(weekStartOf('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before
		expect(weekStartOf('2027-01-01')).toBe('2026-12-28');
		const at = new Date('2026-01-01T00:00:00Z');
		expect(decisionTimeBucket(at, new Date(at.getTime() + 11 * HOUR_MS))).toBe(0);
		expect(decisionTimeBucket(at, new Date(at.getTime() + 12 * HOUR_MS))).toBe(1);
		expect(decisionTimeBucket(at, new Date(at.getTime() + 90 * 24 * HOUR_MS))).toBe(120);
	});

	it('equal a from-scratch computation after a random sequence of everything that counts', async () => {
		await updateOrganisationSettings({ timeZone: 'America/New_York', decisionDeadlineDays: 10 });
		const org = await makePlant();
		const colleagues = await Promise.all(
			[org.line, org.line, org.otherLine, org.store].map((team) => makePerson({ teamId: team.id }))
		);
		const authors = [org.yuki, org.daichi, org.sam, ...colleagues];
		const managerOf = (teamId: string) =>
			teamId === org.store.id ? org.marcus : teamId === org.line.id ? org.aiko : org.kenji;
		const random = randomFrom(20261124);
		const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
		// Two months around the spring DST change, in 1–30 hour steps.
		let now = new Date('2026-02-20T15:00:00Z');
		const ideaIds: string[] = [];
		const commentIds: { id: string; authorId: string }[] = [];

		for (let step = 0; step < 160; step++) {
			now = new Date(now.getTime() + (1 + Math.floor(random() * 30)) * HOUR_MS);
			// Halfway, the organisation moves its time zone: every local day shifts.
			if (step === 80) await updateOrganisationSettings({ timeZone: 'Asia/Tokyo' });
			const roll = random();
			if (roll < 0.3 || ideaIds.length === 0) {
				const benefitType = pick(['safety', 'quality', 'cost', 'time'] as const);
				ideaIds.push(
					await submitTestIdea(pick(authors), { title: `Idea ${step}`, benefitType }, now)
				);
				continue;
			}
			const ideaId = pick(ideaIds);
			const [idea] = await db
				.select()
				.from(ideas)
				.where(sql`${ideas.id} = ${ideaId}`);
			const manager = viewer(managerOf(idea.teamId), [...MANAGER]);
			if (roll < 0.45) {
				await castVote(viewer(pick(authors)), ideaId, random() < 0.7);
			} else if (roll < 0.55) {
				const author = pick(authors);
				const added = await addComment(viewer(author), ideaId, 'A thought.');
				if (added.ok) commentIds.push({ id: added.value.commentId, authorId: author.id });
			} else if (roll < 0.6 && commentIds.length > 0) {
				const comment = commentIds.splice(Math.floor(random() * commentIds.length), 1)[0];
				const author = authors.find((person) => person.id === comment.authorId)!;
				await deleteComment(viewer(author), comment.id);
			} else if (idea.status === 'awaiting_decision') {
				const to = pick(['accepted', 'rejected', 'needs_info'] as const);
				await decideIdea(manager, ideaId, decision({ to, ownerId: idea.authorId }), now);
			} else if (idea.status === 'needs_info' && random() < 0.3) {
				await decideIdea(
					manager,
					ideaId,
					decision({ to: 'rejected', expectedStatus: 'needs_info' }),
					now
				);
			} else if (idea.status === 'needs_info') {
				const author = authors.find((person) => person.id === idea.authorId)!;
				const benefitType = pick(['safety', 'quality', 'cost', 'time'] as const);
				await editIdea(
					viewer(author),
					ideaId,
					ideaInput(idea.teamId, { title: idea.title, benefitType }),
					now
				);
			} else if (idea.status === 'accepted') {
				const to = random() < 0.7 ? 'implemented' : 'dropped';
				const savings =
					to === 'implemented' && random() < 0.6 ? Math.round(random() * 500000) / 100 : null;
				await decideIdea(
					manager,
					ideaId,
					decision({ to, expectedStatus: 'accepted', realisedSavings: savings }),
					now
				);
			}
		}

		const incremental = await snapshot();
		await db.transaction((tx) => rebuildRollups(tx));
		const fromScratch = await snapshot();
		expect(incremental).toEqual(fromScratch);

		// And the sequence exercised what it should.
		const all = await db.select().from(ideas);
		const statuses = new Set(all.map((idea) => idea.status));
		expect(statuses).toEqual(
			new Set(['awaiting_decision', 'needs_info', 'accepted', 'rejected', 'implemented', 'dropped'])
		);
		expect(incremental.daily.reduce((sum, row) => sum + row.submitted, 0)).toBe(all.length);
		expect(incremental.daily.reduce((sum, row) => sum + row.due, 0)).toBe(all.length);
		expect(incremental.daily.some((row) => row.dueMet > 0)).toBe(true);
		expect(incremental.daily.reduce((sum, row) => sum + row.votes, 0)).toBe(
			all.reduce((sum, idea) => sum + idea.voteCount, 0)
		);
	});
});
