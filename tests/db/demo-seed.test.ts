import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/sign-in';
import {
	DEMO_PASSWORD,
	listDemoSignIns,
	seedDemoOrganisation
} from '../../src/lib/server/demo/seed';
import { listPeople } from '../../src/lib/server/org/people';
import { getOrganisationSettings } from '../../src/lib/server/org/settings';
import { listTeamTree } from '../../src/lib/server/org/teams';
import { useTestDatabase } from './support/database';

useTestDatabase();

describe('demo organisation', () => {
	it('has at least 4 teams on 2 levels, ~30 people and every role, all able to sign in', async () => {
		const signIns = await seedDemoOrganisation();
		const teams = await listTeamTree();
		expect(teams.length).toBeGreaterThanOrEqual(4);
		expect(Math.max(...teams.map((team) => team.depth))).toBeGreaterThanOrEqual(1);

		const people = await listPeople();
		expect(people.length).toBeGreaterThanOrEqual(30);
		for (const role of ['admin', 'hr', 'manager', 'employee'] as const) {
			expect(people.some((person) => person.roles.includes(role))).toBe(true);
		}
		expect(people.some((person) => person.email === null)).toBe(true);
		expect((await getOrganisationSettings()).decisionDeadlineDays).toBe(10);

		expect(signIns).toEqual(listDemoSignIns());
		for (const { signInName } of signIns) {
			const result = await signIn({
				identifier: signInName,
				password: DEMO_PASSWORD,
				clientAddress: '192.0.2.50'
			});
			expect(result.ok, signInName).toBe(true);
		}
	});

	it('refuses to run on a database that already has people', async () => {
		await seedDemoOrganisation();
		await expect(seedDemoOrganisation()).rejects.toThrow(/already has people/);
	});
});
