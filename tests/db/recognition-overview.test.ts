import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/domain/csv';
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
	it('shows each team large enough on its own and merges small ones into other teams', async () => {
		await updateOrganisationSettings({ timeZone: 'UTC', gainsharingPercent: 10 });
		const [a, b, c, d] = await makeTeams([6, 5, 3, 3]);
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
				people: 6,
				points: 85,
				thanks: 1,
				implemented: 1,
				pool: 100
			},
			{ teamId: b.team.id, label: 'B', people: 5, points: 0, thanks: 0, implemented: 0, pool: 0 }
		]);
		expect(overview.other).toEqual({
			label: 'Other teams',
			teamCount: 2,
			people: 6,
			points: 80 + 77,
			thanks: 0,
			implemented: 2,
			pool: 75
		});
		expect(overview.totals).toMatchObject({ people: 17, implemented: 3, pool: 175 });
		expect(overview.isRestSuppressed).toBe(false);
	});

	it('never shows a small team that cannot hide among others, not even in the totals', async () => {
		await updateOrganisationSettings({ timeZone: 'UTC' });
		const [a, small] = await makeTeams([5, 2]);
		await implement(small, 2000);
		await implement(a, 100);
		const overview = await loadRecognitionOverview(PERIOD, NOW);
		// Two rows and one is small: both are merged, so neither can be told apart.
		expect(overview.rows).toEqual([]);
		expect(overview.other).toMatchObject({ label: 'All teams', people: 7, pool: 210 });
	});

	it('writes a payroll file: each active member an equal, cent-exact share of their team’s pool', async () => {
		await updateOrganisationSettings({ timeZone: 'UTC', gainsharingPercent: 10 });
		const [a, b] = await makeTeams([6, 5]);
		await implement(a, 1000);
		const csv = parseCsv(await gainsharingPayrollCsv(PERIOD))!;
		const [header, ...rows] = csv.map((record) => record.fields);
		expect(header).toEqual([
			'Period start',
			'Period end',
			'Team',
			'Team pool',
			'Members sharing',
			'Employee number',
			'E-mail',
			'Name',
			'Share'
		]);
		expect(rows).toHaveLength(6);
		expect(rows.every((row) => row[2] === 'A' && row[3] === '100.00' && row[4] === '6')).toBe(true);
		expect(rows.map((row) => Number(row[8])).reduce((sum, share) => sum + share, 0)).toBeCloseTo(
			100,
			10
		);
		expect(rows.map((row) => row[8])).toEqual([
			'16.67',
			'16.67',
			'16.67',
			'16.67',
			'16.66',
			'16.66'
		]);
		expect(rows.some((row) => row[5].startsWith(b.team.name))).toBe(false);
		expect(rows[0].slice(0, 2)).toEqual([PERIOD, '2026-11-29']);
	});
});
