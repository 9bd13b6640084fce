import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/domain/csv';
import { db } from '../../src/lib/server/db';
import {
	ideas,
	people,
	pointEntries,
	teams,
	thanks as thanksTable
} from '../../src/lib/server/db/schema';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import {
	gainsharingPayrollCsv,
	loadRecognitionOverview
} from '../../src/lib/server/recognition/hr-overview';
import { sendThanks } from '../../src/lib/server/recognition/thanks';
import { useTestDatabase } from './support/database';
import { makePerson, makeTeam } from './support/factories';
import { decisionsWith, MANAGER_ROLES, submitTestIdea, viewer } from './support/ideas';

useTestDatabase();

const NOW = new Date('2026-11-24T10:00:00Z');
const PERIOD = '2026-11-02';
const decision = decisionsWith({ note: 'Done.', targetDate: '2099-01-01' });

/** Teams of the given sizes (active people, the first of each a manager), named A, B, C… */
async function makeTeams(sizes: number[]) {
	const created = [];
	for (const [index, size] of sizes.entries()) {
		const team = await makeTeam(String.fromCharCode(65 + index));
		const members = [
			await makePerson({
				name: `${team.name} manager`,
				teamId: team.id,
				roles: MANAGER_ROLES,
				manages: [team.id],
				employeeNumber: `${team.name}0`
			})
		];
		for (let n = 1; n < size; n++) {
			members.push(
				await makePerson({
					name: `${team.name} member ${n}`,
					teamId: team.id,
					employeeNumber: `${team.name}${n}`
				})
			);
		}
		created.push({ team, members });
	}
	return created;
}

/** An idea of the team's second member, implemented with these savings (its manager deciding). */
async function implement(team: { members: { id: string; homeTeamId: string }[] }, savings: number) {
	const [manager, author] = team.members;
	const ideaId = await submitTestIdea(author, {}, NOW);
	const asManager = viewer(manager, MANAGER_ROLES);
	await decideIdea(asManager, ideaId, decision({ ownerId: author.id }), NOW);
	await decideIdea(
		asManager,
		ideaId,
		decision({ to: 'implemented', expectedStatus: 'accepted', realisedSavings: savings }),
		NOW
	);
	return ideaId;
}

describe('recognition and gainsharing for HR', () => {
	it('counts what happened within the period in the organisation’s time zone, to the millisecond', async () => {
		await updateOrganisationSettings({ timeZone: 'Asia/Tokyo' });
		const [a] = await makeTeams([5]);
		const [, member] = a.members;
		const inside = await submitTestIdea(member, {}, NOW);
		const outside = await submitTestIdea(member, {}, NOW);
		const before = (await loadRecognitionOverview(PERIOD, NOW)).totals!;

		// The period runs from 2 November 00:00 to 29 November 24:00 in Tokyo (UTC+9).
		const justBefore = new Date('2026-11-01T14:59:59.999Z');
		const firstMoment = new Date('2026-11-01T15:00:00Z');
		const lastMoment = new Date('2026-11-29T14:59:59.999Z');
		const justAfter = new Date('2026-11-29T15:00:00Z');
		await db.insert(pointEntries).values(
			[justBefore, firstMoment, lastMoment, justAfter].map((createdAt, index) => ({
				personId: member.id,
				reason: 'correction' as const,
				points: 10 ** index,
				createdAt
			}))
		);
		await db.insert(thanksTable).values(
			[justBefore, lastMoment, justAfter].map((createdAt) => ({
				ideaId: inside,
				fromPersonId: a.members[0].id,
				toPersonId: member.id,
				message: 'Thank you.',
				createdAt
			}))
		);
		await db.update(ideas).set({ implementedAt: lastMoment }).where(eq(ideas.id, inside));
		await db.update(ideas).set({ implementedAt: justAfter }).where(eq(ideas.id, outside));

		const after = (await loadRecognitionOverview(PERIOD, NOW)).totals!;
		expect(after.points - before.points).toBe(10 + 100);
		expect(after.thanks - before.thanks).toBe(1);
		expect(after.implemented - before.implemented).toBe(1);
	});

	it('shows teams as the dashboard does: subtrees, and only teams that can be opened on their own', async () => {
		await updateOrganisationSettings({ timeZone: 'UTC', gainsharingPercent: 10 });
		const [a, b, c, d] = await makeTeams([6, 5, 3, 3]);
		// C and D are sub-teams of B: B's row covers them, and they are too small for rows of their own.
		for (const child of [c, d]) {
			await db.update(teams).set({ parentId: b.team.id }).where(eq(teams.id, child.team.id));
		}
		const aIdea = await implement(a, 1000);
		await implement(c, 500);
		await implement(d, 250);
		await sendThanks(viewer(a.members[0], MANAGER_ROLES), aIdea, 'Great work.', NOW);

		const overview = await loadRecognitionOverview(PERIOD, NOW);
		expect(overview.periodStart).toBe(PERIOD);
		expect(overview.rows).toEqual([
			{
				teamId: a.team.id,
				label: 'A',
				depth: 0,
				rowsBelow: 0,
				people: 6,
				points: 85,
				thanks: 1,
				implemented: 1,
				pool: 100
			},
			{
				teamId: b.team.id,
				label: 'B',
				depth: 0,
				rowsBelow: 0,
				people: 11,
				points: 80 + 77,
				thanks: 0,
				implemented: 2,
				pool: 75
			}
		]);
		expect(overview.hiddenTeamCount).toBe(2);
		expect(overview.totals).toMatchObject({ people: 17, implemented: 3, pool: 175 });
	});

	it('shows two levels of teams at a time, and looks into a team for the levels below', async () => {
		await updateOrganisationSettings({ timeZone: 'UTC' });
		// A chain: E below D below C below B below A; E is too small to be shown on its own.
		const chain = await makeTeams([5, 5, 5, 5, 2]);
		const parents = [null, 0, 1, 2, 3];
		for (const [index, parent] of parents.entries()) {
			if (parent === null) continue;
			await db
				.update(teams)
				.set({ parentId: chain[parent].team.id })
				.where(eq(teams.id, chain[index].team.id));
		}
		const [, b, c, , small] = chain;
		await implement(c, 100);
		const rows = async (focus: string | null) =>
			(await loadRecognitionOverview(PERIOD, NOW, focus)).rows.map((row) => [
				row.label,
				row.people,
				row.implemented,
				row.rowsBelow
			]);
		const top = [
			['A', 22, 1, 0],
			['A/B', 17, 1, 2]
		];
		expect(await rows(null)).toEqual(top);
		expect(await rows(b.team.id)).toEqual([
			['A/B', 17, 1, 0],
			['A/B/C', 12, 1, 1]
		]);
		expect((await loadRecognitionOverview(PERIOD, NOW, b.team.id)).focus).toEqual({
			teamId: b.team.id,
			label: 'A/B'
		});
		// Anything else shows the top: a malformed id, or a team with no row of its own.
		expect(await rows('not-a-team')).toEqual(top);
		expect(await rows(small.team.id)).toEqual(top);
		expect((await loadRecognitionOverview(PERIOD, NOW, small.team.id)).focus).toBeNull();
	});

	it('never shows a small team on its own, nor an organisation too small to hide in', async () => {
		await updateOrganisationSettings({ timeZone: 'UTC' });
		const [a, small] = await makeTeams([5, 2]);
		await implement(small, 2000);
		await implement(a, 100);
		const overview = await loadRecognitionOverview(PERIOD, NOW);
		// Two top teams and one is small: neither is shown, only the organisation as a whole.
		expect(overview.rows).toEqual([]);
		expect(overview.totals).toMatchObject({ people: 7, pool: 210 });
	});

	it('ignores periods before gainsharing began rather than failing', async () => {
		const overview = await loadRecognitionOverview('0001-01-01', NOW);
		expect(overview.periodStart).toBe('2024-01-01');
		expect(overview.periods.at(-1)).toBe('2024-01-01');
		expect(overview.totals).toBeNull();
	});

	it('writes a payroll file: each active member an equal, cent-exact share of their team’s pool', async () => {
		await updateOrganisationSettings({ timeZone: 'UTC', gainsharingPercent: 10 });
		const [a, b] = await makeTeams([6, 5]);
		await implement(a, 1000);
		// B's pool has nobody left to share it: listed, so payroll sees it, without a share.
		await implement(b, 500);
		await db.update(people).set({ deactivatedAt: NOW }).where(eq(people.homeTeamId, b.team.id));
		const afterPeriod = new Date('2026-12-01T08:00:00Z');
		const payroll = await gainsharingPayrollCsv(PERIOD, afterPeriod);
		expect(payroll.periodStart).toBe(PERIOD);
		const csv = parseCsv(payroll.csv)!;
		const [header, ...rows] = csv.map((record) => record.fields);
		expect(header).toEqual([
			'Period start',
			'Period end',
			'Period',
			'Team',
			'Team pool',
			'Members sharing',
			'Employee number',
			'E-mail',
			'Name',
			'Share'
		]);
		expect(rows.at(-1)).toEqual([
			PERIOD,
			'2026-11-29',
			'closed',
			'B',
			'50.00',
			'0',
			'',
			'',
			'Nobody active in the team: hold the pool',
			''
		]);
		const shares = rows.slice(0, -1);
		expect(shares).toHaveLength(6);
		expect(shares.every((row) => row[3] === 'A' && row[4] === '100.00' && row[5] === '6')).toBe(
			true
		);
		expect(shares.map((row) => row[9])).toEqual([
			'16.67',
			'16.67',
			'16.67',
			'16.67',
			'16.66',
			'16.66'
		]);
		expect(shares.map((row) => Number(row[9])).reduce((sum, share) => sum + share, 0)).toBeCloseTo(
			100,
			10
		);
		expect(shares[0].slice(0, 3)).toEqual([PERIOD, '2026-11-29', 'closed']);
	});
});
