import { describe, expect, it } from 'vitest';
import { decideIdea } from '../../src/lib/server/ideas/decide';
import { loadDashboard } from '../../src/lib/server/insights/dashboard';
import { teamTableCsv, weeklySeriesCsv } from '../../src/lib/server/insights/team-table';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import { useTestDatabase } from './support/database';
import { makePerson, makeTeam } from './support/factories';
import { submitTestIdea, viewer, decisionsWith } from './support/ideas';

useTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;
const decision = decisionsWith({ to: 'rejected', note: 'Not now.' });

/** A plant with a big line (8 people), a small line (3) and a tiny one (1), and their manager. */
async function makeOrganisation() {
	await updateOrganisationSettings({ name: 'Hanami', timeZone: 'UTC', decisionDeadlineDays: 10 });
	const plant = await makeTeam('Plant');
	const big = await makeTeam('Big line', plant.id);
	const small = await makeTeam('Small line', plant.id);
	const tiny = await makeTeam('Tiny line', plant.id);
	const manager = await makePerson({
		teamId: plant.id,
		roles: ['employee', 'manager'],
		manages: [plant.id]
	});
	const member = (teamId: string) => makePerson({ teamId });
	const bigPeople = await Promise.all(Array.from({ length: 8 }, () => member(big.id)));
	const smallPeople = await Promise.all(Array.from({ length: 3 }, () => member(small.id)));
	const tinyPeople = [await member(tiny.id)];
	return { plant, big, small, tiny, manager, bigPeople, smallPeople, tinyPeople };
}

describe('the HR dashboard', () => {
	it('computes the figures of a period from the rollups, against hand-counted numbers', async () => {
		const org = await makeOrganisation();
		const now = new Date('2026-06-30T12:00:00Z');
		const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS);
		// Four ideas by three people of the big line; two decided on time, one late, one waiting.
		const first = await submitTestIdea(org.bigPeople[0], {}, at(40));
		const second = await submitTestIdea(org.bigPeople[1], {}, at(30));
		const third = await submitTestIdea(org.bigPeople[1], {}, at(25));
		await submitTestIdea(org.bigPeople[2], {}, at(5));
		const manager = viewer(org.manager, ['employee', 'manager']);
		await decideIdea(manager, first, decision({}), at(38)); // 2 days
		await decideIdea(manager, second, decision({}), at(26)); // 4 days
		await decideIdea(manager, third, decision({}), at(10)); // 15 days: late

		const dashboard = await loadDashboard({
			teamId: null,
			period: { from: '2026-05-01', to: '2026-06-30' },
			now
		});
		expect(dashboard?.isSuppressed).toBe(false);
		const figures = dashboard!.figures!;
		expect(figures).toMatchObject({ submitted: 4, decided: 3, backlog: 1, overdue: 0 });
		expect(dashboard!.scope.people).toBe(13);
		expect(figures.participationRate).toBe(3 / 13);
		expect(figures.onTimeRate).toBe(2 / 3); // deadlines of the first three fell in the period
		// Reported as the upper edge of the half-day bucket: 4 days falls in [4, 4.5).
		expect(figures.decisionTimeMedianDays).toBe(4.5);
		expect(figures.decisionTimeP90Days).toBe(15.5);
		expect(dashboard!.weeks.reduce((sum, week) => sum + week.submitted, 0)).toBe(4);
	});

	it('merges the small lines into “other teams” and names no team under 5 people as quiet', async () => {
		const org = await makeOrganisation();
		await submitTestIdea(org.smallPeople[0]);
		await submitTestIdea(org.tinyPeople[0]);
		const today = new Date().toISOString().slice(0, 10);
		const dashboard = (await loadDashboard({
			teamId: org.plant.id,
			period: { from: '2026-01-01', to: today }
		}))!;
		// Small (3) + tiny (1) + the plant's own manager (1) = 5 people: safe together, never alone.
		expect(dashboard.rows.map((row) => row.label)).toEqual(['Big line']);
		expect(dashboard.other).toMatchObject({ label: 'Other teams', people: 5, groupCount: 3 });
		expect(dashboard.other?.figures.submitted).toBe(2);
		// Only teams HR may open alone are judged quiet; the small lines are never singled out.
		expect(dashboard.quietTeams.map((team) => team.label)).toEqual(['Plant › Big line']);

		const csv = teamTableCsv(dashboard);
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toMatch(/^Team,People,Submitted,Decided,/);
		expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
			'Big line,8,0',
			'Other teams (3 teams),5,2'
		]);
		expect(csv).not.toContain('Tiny line');
		expect(csv).not.toContain('Small line');
	});

	it('shows nothing for a team of fewer than 5 people, in the page or its exports', async () => {
		const org = await makeOrganisation();
		await submitTestIdea(org.smallPeople[0]);
		const dashboard = (await loadDashboard({
			teamId: org.small.id,
			period: { from: '2026-01-01', to: new Date().toISOString().slice(0, 10) }
		}))!;
		expect(dashboard.isSuppressed).toBe(true);
		// Nothing about the small team leaves the server, not even in the page's data.
		expect(dashboard).toMatchObject({
			figures: null,
			previousFigures: null,
			weeks: [],
			rows: [],
			other: null
		});
		expect(dashboard.benefits).toEqual([]);
		expect(teamTableCsv(dashboard).trim().split('\r\n')).toHaveLength(1);
		expect(weeklySeriesCsv(dashboard).trim().split('\r\n')).toEqual([
			'Week starting,Submitted,Decided,Implemented,Decided on time'
		]);
	});

	it('refuses a team that could be subtracted from its parent’s view, though it has 5 people', async () => {
		const org = await makeOrganisation();
		const sub = await makeTeam('Sub line', org.small.id);
		await Promise.all(Array.from({ length: 5 }, () => makePerson({ teamId: sub.id })));
		const period = { from: '2026-01-01', to: new Date().toISOString().slice(0, 10) };
		const plant = (await loadDashboard({ teamId: org.plant.id, period }))!;
		// Big (8) and Small (3 + 5 = 8) tie; the tiny line (1) and the plant's manager (1) are too few
		// together, so the first of the tie joins them.
		expect(plant.rows.map((row) => row.label)).toEqual(['Small line']);
		const small = (await loadDashboard({ teamId: org.small.id, period }))!;
		expect(small.isSuppressed).toBe(false);
		// Small line = Sub line (5) + its own 3: showing Sub line would reveal those 3.
		expect((await loadDashboard({ teamId: sub.id, period }))!.isSuppressed).toBe(true);
	});

	it('offers as filters only the teams that may be opened, while there are few enough to list', async () => {
		const org = await makeOrganisation();
		const sub = await makeTeam('Sub line', org.small.id);
		await Promise.all(Array.from({ length: 5 }, () => makePerson({ teamId: sub.id })));
		const period = { from: '2026-01-01', to: new Date().toISOString().slice(0, 10) };
		const whole = (await loadDashboard({ teamId: null, period }))!;
		expect(whole.teamChoices?.map((team) => team.label)).toEqual(['Plant', 'Plant › Small line']);

		// Sixty more teams of five: too many to list, so HR goes down the tree from the table.
		for (let index = 0; index < 60; index++) {
			const team = await makeTeam(`Line ${index}`, org.plant.id);
			await Promise.all(Array.from({ length: 5 }, () => makePerson({ teamId: team.id })));
		}
		expect((await loadDashboard({ teamId: null, period }))!.teamChoices).toBeNull();
	});

	it('answers an unknown team with nothing', async () => {
		await makeOrganisation();
		expect(
			await loadDashboard({
				teamId: '00000000-0000-4000-8000-000000000000',
				period: { from: '2026-01-01', to: '2026-02-01' }
			})
		).toBeNull();
	});
});
