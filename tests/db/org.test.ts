import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '../../src/lib/domain/roles';
import type { PersonInput } from '../../src/lib/domain/schemas';
import { personFormValues, readPersonForm } from '../../src/lib/server/org/person-form';
import { describePerson } from '../../src/lib/server/org/profile';
import {
	createPerson,
	deactivatePerson,
	getPerson,
	listPeople,
	listPeoplePage,
	reactivatePerson,
	updatePerson
} from '../../src/lib/server/org/people';
import {
	getOrganisationSettings,
	updateOrganisationSettings
} from '../../src/lib/server/org/settings';
import {
	createTeam,
	findParentTeam,
	getTeamForEditing,
	listSubtreeTeamIds,
	listTeamPaths,
	listTeamTree,
	moveTeam,
	renameTeam
} from '../../src/lib/server/org/teams';
import { useTestDatabase } from './support/database';
import { makePerson, makeTeam } from './support/factories';

useTestDatabase();

function personInput(overrides: Partial<PersonInput> & { homeTeamId: string }): PersonInput {
	return {
		displayName: 'Rina Hayashi',
		email: 'rina@example.com',
		employeeNumber: null,
		roles: ['employee'],
		managedTeamIds: [],
		...overrides
	};
}

describe('teams', () => {
	it('builds a tree with paths, depth, members and managers', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		const line = await makeTeam('Line 2', assembly.id);
		await makePerson({ name: 'Kenji', teamId: plant.id, roles: ['manager'], manages: [plant.id] });
		await makePerson({ teamId: line.id });
		await makePerson({ teamId: line.id, deactivatedAt: new Date() });

		const tree = await listTeamTree();
		expect(tree.map((team) => [team.path, team.depth])).toEqual([
			['Plant A', 0],
			['Plant A/Assembly', 1],
			['Plant A/Assembly/Line 2', 2]
		]);
		expect(tree[0].managerNames).toEqual(['Kenji']);
		expect(tree[2].memberCount).toBe(1);
	});

	it('lists a subtree: a team and everything below it', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		const line = await makeTeam('Line 2', assembly.id);
		const store = await makeTeam('Store');
		expect((await listSubtreeTeamIds([assembly.id])).sort()).toEqual([assembly.id, line.id].sort());
		expect((await listSubtreeTeamIds([plant.id, store.id])).length).toBe(4);
	});

	it('gives the paths of just the teams asked for', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		const line = await makeTeam('Line 2', assembly.id);
		const store = await makeTeam('Store');
		const paths = await listTeamPaths([line.id, store.id, '00000000-0000-4000-8000-000000000000']);
		expect([...paths].sort()).toEqual(
			[
				[line.id, 'Plant A/Assembly/Line 2'],
				[store.id, 'Store']
			].sort()
		);
		expect(await listTeamPaths([])).toEqual(new Map());
	});

	it('offers a team every place to move but itself and what lies below it', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		await makeTeam('Line 2', assembly.id);
		const store = await makeTeam('Store');
		const editing = await getTeamForEditing(assembly.id);
		expect(editing?.team).toMatchObject({ name: 'Assembly', parentId: plant.id, memberCount: 0 });
		expect(editing?.parentPaths).toEqual(['Plant A', 'Store']);
		expect((await getTeamForEditing(store.id))?.parentPaths).toEqual([
			'Plant A',
			'Plant A/Assembly',
			'Plant A/Assembly/Line 2'
		]);
		expect(await getTeamForEditing('not-a-team')).toBeUndefined();
		expect(await getTeamForEditing('00000000-0000-4000-8000-000000000000')).toBeUndefined();
	});

	it('describes a person to themselves with their team and the teams they manage', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		const line = await makeTeam('Line 2', assembly.id);
		const store = await makeTeam('Store');
		const kenji = await makePerson({
			name: 'Kenji',
			teamId: assembly.id,
			roles: ['employee', 'manager'],
			manages: [store.id, line.id]
		});
		expect(await describePerson(kenji.id)).toEqual({
			displayName: 'Kenji',
			email: kenji.email,
			employeeNumber: null,
			teamPath: 'Plant A › Assembly',
			roleLabels: [ROLE_LABELS.employee, ROLE_LABELS.manager],
			managedTeamPaths: ['Plant A › Assembly › Line 2', 'Store']
		});
	});

	it('keeps sibling names unique in any case, also among top-level teams', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		expect(await createTeam({ name: 'Assembly', parentId: plant.id })).toEqual({
			ok: false,
			errors: { name: 'There is already a team called "Assembly" here.' }
		});
		// A typed path could not tell "ASSEMBLY" from "Assembly".
		expect((await createTeam({ name: 'ASSEMBLY', parentId: plant.id })).ok).toBe(false);
		const paint = await makeTeam('Paint', plant.id);
		expect((await renameTeam(paint.id, 'assembly')).ok).toBe(false);
		expect((await renameTeam(assembly.id, 'ASSEMBLY')).ok).toBe(true);
		expect((await createTeam({ name: 'Plant A', parentId: null })).ok).toBe(false);
		expect((await createTeam({ name: 'Assembly', parentId: null })).ok).toBe(true);
	});

	it('finds the team above by path, none when left empty', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		expect(await findParentTeam('plant a › assembly')).toEqual({ ok: true, value: assembly.id });
		expect(await findParentTeam('  ')).toEqual({ ok: true, value: null });
		expect(await findParentTeam('Plant B')).toEqual({
			ok: false,
			errors: { parent: 'There is no team “Plant B”. Choose one from the list.' }
		});
	});

	it('renames, refusing a name a sibling has', async () => {
		const plant = await makeTeam('Plant A');
		const a = await makeTeam('Line 1', plant.id);
		await makeTeam('Line 2', plant.id);
		expect((await renameTeam(a.id, 'Line 2')).ok).toBe(false);
		const renamed = await renameTeam(a.id, 'Line One');
		expect(renamed.ok && renamed.value.name).toBe('Line One');
	});

	it('moves a team with its sub-teams, never below itself', async () => {
		const plant = await makeTeam('Plant A');
		const assembly = await makeTeam('Assembly', plant.id);
		const line = await makeTeam('Line 2', assembly.id);
		const store = await makeTeam('Store');

		expect(await moveTeam(plant.id, line.id)).toEqual({
			ok: false,
			errors: { parent: 'A team cannot move below itself or one of its own sub-teams.' }
		});
		expect((await moveTeam(assembly.id, assembly.id)).ok).toBe(false);
		// Moving to where it is changes nothing, and is no error.
		expect(await moveTeam(assembly.id, plant.id)).toMatchObject({
			ok: true,
			value: { parentId: plant.id }
		});

		expect((await moveTeam(assembly.id, store.id)).ok).toBe(true);
		const paths = (await listTeamTree()).map((team) => team.path);
		expect(paths).toContain('Store/Assembly/Line 2');
		expect((await moveTeam(assembly.id, null)).ok).toBe(true);
		expect((await listTeamTree()).map((team) => team.path)).toContain('Assembly/Line 2');
	});
});

describe('people', () => {
	it('creates a person with roles, managed teams and an invitation', async () => {
		const admin = await makePerson({ roles: ['admin'] });
		const team = await makeTeam('Assembly');
		const created = await createPerson(
			personInput({
				homeTeamId: team.id,
				roles: ['employee', 'manager'],
				managedTeamIds: [team.id]
			}),
			admin.id
		);
		expect(created.ok).toBe(true);
		if (!created.ok) return;
		expect(created.value.invitation.token).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
		const person = await getPerson(created.value.personId);
		expect(person).toMatchObject({
			displayName: 'Rina Hayashi',
			status: 'invited',
			roles: ['employee', 'manager'],
			managedTeamIds: [team.id]
		});
	});

	it('refuses an e-mail address or employee number someone else has', async () => {
		const admin = await makePerson({ roles: ['admin'] });
		const team = await makeTeam();
		await makePerson({ email: 'rina@example.com', employeeNumber: 'E7' });
		const result = await createPerson(
			personInput({ homeTeamId: team.id, employeeNumber: 'E7' }),
			admin.id
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				email: 'Someone already has this e-mail address.',
				employeeNumber: 'Someone already has this employee number.'
			}
		});
		expect(await listPeople()).toHaveLength(2); // the admin and the existing person only
	});

	it('updates a person, and lets them keep their own identifiers', async () => {
		const admin = await makePerson({ roles: ['admin'] });
		const team = await makeTeam('Bakery');
		const person = await makePerson({ email: 'tom@example.com' });
		const updated = await updatePerson(
			person.id,
			personInput({
				homeTeamId: team.id,
				displayName: 'Tom B.',
				email: 'tom@example.com',
				roles: ['hr']
			}),
			admin.id
		);
		expect(updated.ok).toBe(true);
		expect(await getPerson(person.id)).toMatchObject({
			displayName: 'Tom B.',
			homeTeamId: team.id,
			roles: ['hr']
		});
	});

	it('never leaves the organisation without an active administrator', async () => {
		const admin = await makePerson({ roles: ['employee', 'admin'] });
		const otherAdmin = await makePerson({ roles: ['admin'] });
		const team = await makeTeam();

		const ownRole = await updatePerson(admin.id, personInput({ homeTeamId: team.id }), admin.id);
		expect(ownRole).toEqual({
			ok: false,
			errors: { roles: 'You cannot remove your own administrator role.' }
		});
		expect((await deactivatePerson(admin.id, admin.id)).ok).toBe(false);

		expect((await deactivatePerson(otherAdmin.id, admin.id)).ok).toBe(true);
		const lastAdminDeactivatedByOther = await deactivatePerson(admin.id, otherAdmin.id);
		expect(lastAdminDeactivatedByOther).toEqual({
			ok: false,
			errors: { form: 'The organisation needs at least one active administrator.' }
		});
	});

	it('deactivates and reactivates, and filters people by status', async () => {
		const admin = await makePerson({ roles: ['admin'] });
		const person = await makePerson({ name: 'Ren Ogawa' });
		await makePerson({ name: 'Invited Ivy', hasPassword: false });
		expect((await deactivatePerson(person.id, admin.id)).ok).toBe(true);
		expect((await listPeople({ status: 'deactivated' })).map((p) => p.displayName)).toEqual([
			'Ren Ogawa'
		]);
		expect((await listPeople({ status: 'invited' })).map((p) => p.displayName)).toEqual([
			'Invited Ivy'
		]);
		expect((await reactivatePerson(person.id)).ok).toBe(true);
		expect((await getPerson(person.id))?.status).toBe('active');
	});

	it('searches names, e-mail addresses and employee numbers, treating % and _ literally', async () => {
		await makePerson({ name: 'Sota Kimura', email: null, employeeNumber: 'E1006' });
		await makePerson({ name: 'Mei Fujita', email: 'mei@example.com' });
		expect((await listPeople({ search: 'e1006' })).map((p) => p.displayName)).toEqual([
			'Sota Kimura'
		]);
		expect((await listPeople({ search: 'MEI@' })).map((p) => p.displayName)).toEqual([
			'Mei Fujita'
		]);
		expect(await listPeople({ search: '%' })).toHaveLength(0);
	});

	it('lists a page at a time, by name with the deactivated last, and counts every match', async () => {
		const admin = await makePerson({ name: 'Aki Admin', roles: ['admin'] });
		const gone = await makePerson({ name: 'Aaron Gone' });
		await makePerson({ name: 'Chie Sato' });
		await makePerson({ name: 'Bo Tanaka' });
		expect((await deactivatePerson(gone.id, admin.id)).ok).toBe(true);

		const first = await listPeoplePage({}, 2);
		expect(first.total).toBe(4);
		expect(first.people.map((p) => p.displayName)).toEqual(['Aki Admin', 'Bo Tanaka']);
		expect(first.people[0]).not.toHaveProperty('total');
		const all = await listPeoplePage({}, 4);
		expect(all.people.map((p) => p.displayName)).toEqual([
			'Aki Admin',
			'Bo Tanaka',
			'Chie Sato',
			'Aaron Gone'
		]);
		expect(await listPeoplePage({ status: 'active' }, 1)).toMatchObject({
			total: 3,
			people: [{ displayName: 'Aki Admin' }]
		});
		expect(await listPeoplePage({ search: 'nobody' }, 50)).toEqual({ people: [], total: 0 });
	});
});

describe('the person form', () => {
	const formData = (fields: Record<string, string | string[]>) => {
		const data = new FormData();
		for (const [name, value] of Object.entries(fields)) {
			for (const item of [value].flat()) data.append(name, item);
		}
		return data;
	};
	const person = {
		displayName: 'Rina Hayashi',
		employeeNumber: 'E2077',
		roles: ['employee', 'manager']
	};

	it('finds a typed team by its path, typed either way, in any case, or by a name no other team has', async () => {
		const plant = await makeTeam('Plant Nagoya');
		const packaging = await makeTeam('Packaging', plant.id);
		const paint = await makeTeam('Paint Shop', plant.id);
		const store = await makeTeam('Store');
		await makeTeam('Packaging', store.id);
		const read = await readPersonForm(
			formData({
				...person,
				homeTeam: ' plant nagoya ›  packaging ',
				managedTeamIds: [paint.id, store.id],
				addManagedTeam: 'Plant Nagoya/Packaging'
			})
		);
		expect(read.parsed).toEqual({
			ok: true,
			value: expect.objectContaining({
				homeTeamId: packaging.id,
				managedTeamIds: [paint.id, store.id, packaging.id]
			})
		});
		expect(read.values).toMatchObject({
			homeTeam: 'plant nagoya ›  packaging',
			managedTeams: [
				{ id: paint.id, path: 'Plant Nagoya › Paint Shop' },
				{ id: store.id, path: 'Store' }
			]
		});
		const byName = await readPersonForm(
			formData({ ...person, homeTeam: 'Store', addManagedTeam: 'paint shop' })
		);
		expect(byName.parsed).toMatchObject({ ok: true, value: { managedTeamIds: [paint.id] } });
	});

	it('names a team it cannot find, or cannot tell from another, next to its field', async () => {
		for (const plantName of ['Plant Nagoya', 'Plant Tahara']) {
			await makeTeam('Packaging', (await makeTeam(plantName)).id);
		}
		const wrong = await readPersonForm(
			formData({
				...person,
				homeTeam: 'Packaging',
				managedTeamIds: ['00000000-0000-4000-8000-000000000000', 'not-an-id'],
				addManagedTeam: 'Plant Nagoya › Pack'
			})
		);
		expect(wrong.parsed).toEqual({
			ok: false,
			errors: {
				homeTeam: '2 teams are called “Packaging”. Choose one from the list.',
				managedTeams: 'One of those teams no longer exists.',
				addManagedTeam: 'There is no team “Plant Nagoya › Pack”. Choose one from the list.'
			}
		});
		expect(wrong.values.managedTeams).toEqual([]);
		const noTeam = await readPersonForm(formData({ ...person, roles: ['employee'] }));
		expect(noTeam.parsed).toEqual({
			ok: false,
			errors: { homeTeam: 'Choose the person’s team.' }
		});
	});

	it('keeps the team it showed while its text is unchanged, even beside one that reads alike', async () => {
		const plant = await makeTeam('Plant Nagoya');
		// Named before sibling names were compared in any case: two paths that read alike.
		await makeTeam('Packaging', plant.id);
		const lower = await makeTeam('packaging', plant.id);
		const shown = { ...person, roles: ['employee'], homeTeam: 'Plant Nagoya › packaging' };
		expect(
			(await readPersonForm(formData({ ...shown, homeTeamId: lower.id }))).parsed
		).toMatchObject({ ok: true, value: { homeTeamId: lower.id } });
		expect((await readPersonForm(formData(shown))).parsed).toEqual({
			ok: false,
			errors: {
				homeTeam: '2 teams are called “Plant Nagoya › packaging”. Choose one from the list.'
			}
		});
		// Typing another team replaces the one shown.
		expect(
			(await readPersonForm(formData({ ...shown, homeTeam: 'Plant Nagoya', homeTeamId: lower.id })))
				.parsed
		).toMatchObject({ ok: true, value: { homeTeamId: plant.id } });
	});

	it('shows a person with their teams by path', async () => {
		const plant = await makeTeam('Plant Nagoya');
		const packaging = await makeTeam('Packaging', plant.id);
		const store = await makeTeam('Store');
		const manager = await makePerson({
			name: 'Aiko',
			email: null,
			employeeNumber: 'E7',
			teamId: packaging.id,
			roles: ['employee', 'manager'],
			manages: [store.id, plant.id]
		});
		expect(await personFormValues((await getPerson(manager.id))!)).toEqual({
			displayName: 'Aiko',
			email: '',
			employeeNumber: 'E7',
			homeTeam: 'Plant Nagoya › Packaging',
			homeTeamId: packaging.id,
			roles: ['employee', 'manager'],
			managedTeams: [
				{ id: plant.id, path: 'Plant Nagoya' },
				{ id: store.id, path: 'Store' }
			],
			addManagedTeam: ''
		});
	});
});

describe('organisation settings', () => {
	it('has defaults of ten days until saved, then keeps what was saved', async () => {
		expect((await getOrganisationSettings()).decisionDeadlineDays).toBe(10);
		await updateOrganisationSettings({
			name: 'Hanami',
			decisionDeadlineDays: 7,
			timeZone: 'Asia/Tokyo'
		});
		expect(await getOrganisationSettings()).toMatchObject({
			name: 'Hanami',
			decisionDeadlineDays: 7,
			timeZone: 'Asia/Tokyo'
		});
	});
});
