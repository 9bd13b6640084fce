import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { importPeopleCsv } from '../../src/lib/server/org/csv-import';
import { acceptInvitation } from '../../src/lib/server/org/invitations';
import { listPeople } from '../../src/lib/server/org/people';
import { listTeamTree } from '../../src/lib/server/org/teams';
import { useTestDatabase } from './support/database';
import { makePerson, makeTeam } from './support/factories';

useTestDatabase();

const GOOD_FILE = [
	'name,email,employee_number,team,roles,manages',
	'Aiko Tanaka,aiko@example.com,,Plant A/Assembly,employee;manager,Plant A/Assembly',
	'Yuki Ito,,e1042,Plant A/Assembly/Line 2,,',
	'"Kobayashi, Hana",HANA@example.com,,Head Office/HR,employee;hr,',
	'',
	'Olivia Chen,olivia@example.com,A-1,Head Office,Admin,'
].join('\r\n');

describe('CSV import', () => {
	it('imports a good file: people, roles, managed teams, missing teams and invite links', async () => {
		const admin = await makePerson({ roles: ['admin'], email: 'admin@example.com' });
		await makeTeam('Plant A');

		const result = await importPeopleCsv(GOOD_FILE, admin.id);
		expect(result.ok).toBe(true);
		if (!result.ok) return;

		expect(result.people.map((p) => [p.line, p.displayName, p.signInName])).toEqual([
			[2, 'Aiko Tanaka', 'aiko@example.com'],
			[3, 'Yuki Ito', 'E1042'],
			[4, 'Kobayashi, Hana', 'hana@example.com'],
			[6, 'Olivia Chen', 'olivia@example.com']
		]);
		expect(result.createdTeamPaths.sort()).toEqual([
			'Head Office',
			'Head Office/HR',
			'Plant A/Assembly',
			'Plant A/Assembly/Line 2'
		]);

		const people = await listPeople({ status: 'invited' });
		const byName = Object.fromEntries(people.map((p) => [p.displayName, p]));
		const paths = Object.fromEntries((await listTeamTree()).map((t) => [t.id, t.path]));
		expect(byName['Aiko Tanaka'].roles).toEqual(['employee', 'manager']);
		expect(byName['Aiko Tanaka'].managedTeamIds.map((id) => paths[id])).toEqual([
			'Plant A/Assembly'
		]);
		expect(paths[byName['Yuki Ito'].homeTeamId]).toBe('Plant A/Assembly/Line 2');
		expect(byName['Yuki Ito'].roles).toEqual(['employee']);
		expect(byName['Olivia Chen'].roles).toEqual(['admin']);

		// The link works: Yuki sets a password and signs in with the employee number.
		const yuki = result.people[1];
		expect((await acceptInvitation(yuki.invitation.token, 'line two is my home')).ok).toBe(true);
		const signedIn = await signIn({
			identifier: 'E1042',
			password: 'line two is my home',
			clientAddress: '192.0.2.9'
		});
		expect(signedIn.ok).toBe(true);
	});

	it('matches existing teams case-insensitively instead of creating near-duplicates', async () => {
		const admin = await makePerson({ roles: ['admin'] });
		const plant = await makeTeam('Plant A');
		await makeTeam('Assembly', plant.id);
		const result = await importPeopleCsv(
			'name,email,team\nMei Fujita,mei@example.com,plant a / ASSEMBLY',
			admin.id
		);
		expect(result.ok && result.createdTeamPaths).toEqual([]);
		const paths = (await listTeamTree()).map((team) => team.path);
		expect(paths.filter((path) => path.toLowerCase().startsWith('plant a'))).toEqual([
			'Plant A',
			'Plant A/Assembly'
		]);
	});

	it('imports nothing from a file with bad rows, and reports every bad row by line', async () => {
		const admin = await makePerson({ roles: ['admin'], email: 'admin@example.com' });
		await makePerson({ email: 'taken@example.com' });
		const file = [
			'name,email,employee_number,team,roles,manages',
			'Good Person,good@example.com,,Plant A,,',
			',nobody@example.com,,Plant A,,',
			'No Identifier,,,Plant A,,',
			'Bad Email,not-an-email,,Plant A,,',
			'Taken Email,taken@example.com,,Plant A,,',
			'No Team,noteam@example.com,,,,',
			'Bad Role,role@example.com,,Plant A,employee;boss,',
			'Manager Without Team,mgr@example.com,,Plant A,manager,',
			'Twice,good@example.com,,Plant A,,',
			'Empty Segment,seg@example.com,,Plant A//Line,,'
		].join('\n');

		const result = await importPeopleCsv(file, admin.id);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.rowErrors).toEqual([
			{ line: 3, message: 'name: Enter the person’s name.' },
			{ line: 4, message: 'email: Give an e-mail address or an employee number (or both).' },
			{ line: 5, message: 'email: Enter an e-mail address like name@example.com.' },
			{ line: 6, message: 'Someone already has the e-mail address taken@example.com.' },
			{ line: 7, message: 'team: give the person’s team, like Plant A/Assembly/Line 2.' },
			{ line: 8, message: 'roles: "boss" is not a role. Use employee, manager, hr or admin.' },
			{ line: 9, message: 'manages: A manager needs at least one team to manage.' },
			{ line: 10, message: 'e-mail address good@example.com is also on line 2.' },
			{
				line: 11,
				message: 'team: "Plant A//Line" is not a valid team path (like Plant A/Assembly/Line 2).'
			}
		]);
		// Nothing was written: no new people, no new teams.
		expect(await listPeople()).toHaveLength(2);
		expect((await listTeamTree()).map((team) => team.path)).not.toContain('Plant A');
	});

	it('reports a file it cannot read as a whole', async () => {
		const admin = await makePerson({ roles: ['admin'] });
		const bad = async (text: string) => {
			const result = await importPeopleCsv(text, admin.id);
			return result.ok ? null : result.rowErrors;
		};
		expect(await bad('')).toEqual([{ line: 1, message: 'The file is empty.' }]);
		expect(await bad('name,email,team')).toEqual([
			{ line: 1, message: 'The file has a header but no people.' }
		]);
		expect(await bad('name,team\nA,B')).toEqual([
			{ line: 1, message: 'Add an "email" or an "employee_number" column (or both).' }
		]);
		expect(await bad('name,email,team,salary\nA,a@example.com,B,1')).toEqual([
			{
				line: 1,
				message: 'Unknown column "salary". Use: name, email, employee_number, team, roles, manages.'
			}
		]);
		expect(await bad('name,email,team\n"Open quote,a@example.com,T')).toEqual([
			{ line: 1, message: 'A quoted field is never closed: check the quotation marks.' }
		]);
	});
});
