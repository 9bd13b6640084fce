import { describe, expect, it } from 'vitest';
import { personSchema, settingsSchema, teamNameSchema } from '../../src/lib/domain/schemas';
import { parseInput } from '../../src/lib/domain/validation';

const TEAM = '6f1c1b5e-3d2a-4c5b-9a8e-1f2d3c4b5a69';
const base = {
	displayName: ' Yuki Ito ',
	email: '',
	employeeNumber: ' e1042 ',
	homeTeamId: TEAM,
	roles: ['employee'],
	managedTeamIds: []
};

describe('person input', () => {
	it('trims, normalises identifiers and turns blanks into null', () => {
		const parsed = parseInput(personSchema, { ...base, email: ' Yuki@Example.COM ' });
		expect(parsed).toEqual({
			ok: true,
			value: {
				displayName: 'Yuki Ito',
				email: 'yuki@example.com',
				employeeNumber: 'E1042',
				homeTeamId: TEAM,
				roles: ['employee'],
				managedTeamIds: []
			}
		});
		const noEmail = parseInput(personSchema, base);
		expect(noEmail.ok && noEmail.value.email).toBeNull();
	});

	it('needs an e-mail address or an employee number', () => {
		expect(parseInput(personSchema, { ...base, employeeNumber: '' })).toEqual({
			ok: false,
			errors: { email: 'Give an e-mail address or an employee number (or both).' }
		});
	});

	it('ties the manager role to managed teams, both ways', () => {
		expect(parseInput(personSchema, { ...base, roles: ['manager'] })).toEqual({
			ok: false,
			errors: { managedTeamIds: 'A manager needs at least one team to manage.' }
		});
		expect(parseInput(personSchema, { ...base, managedTeamIds: [TEAM] })).toEqual({
			ok: false,
			errors: { managedTeamIds: 'Only a person with the Manager role can manage teams.' }
		});
	});

	it('reports each bad field once', () => {
		const parsed = parseInput(personSchema, {
			displayName: '',
			email: 'nope',
			employeeNumber: 'has space',
			homeTeamId: 'x',
			roles: ['king']
		});
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors).sort()).toEqual(
			['displayName', 'email', 'employeeNumber', 'homeTeamId', 'roles'].sort()
		);
		expect(parsed.errors.roles).toBe('Choose roles from the list.');
	});
});

describe('input the database would refuse', () => {
	it('drops NUL characters and refuses impossible dates', async () => {
		const { withoutNul } = await import('../../src/lib/domain/validation');
		const { decisionSchema } = await import('../../src/lib/domain/schemas');
		expect(withoutNul('Safer\u0000 stairs')).toBe('Safer stairs');
		const decide = (targetDate: string) =>
			parseInput(decisionSchema, {
				to: 'accepted',
				expectedStatus: 'awaiting_decision',
				targetDate
			});
		expect(decide('2027-02-31')).toEqual({
			ok: false,
			errors: { targetDate: 'Enter a real date.' }
		});
		expect(decide('2027-02-28').ok).toBe(true);
	});
});

describe('team and settings input', () => {
	it('refuses the path separators in a team name and collapses spaces', () => {
		expect(parseInput(teamNameSchema, { name: 'A/B' }).ok).toBe(false);
		expect(parseInput(teamNameSchema, { name: 'A › B' }).ok).toBe(false);
		expect(parseInput(teamNameSchema, { name: '  Line   2 ' })).toEqual({
			ok: true,
			value: { name: 'Line 2' }
		});
	});

	it('accepts 1–90 whole days and real time zones only', () => {
		const settings = (days: string, timeZone = 'Europe/Berlin') =>
			parseInput(settingsSchema, {
				name: 'Hanami',
				decisionDeadlineDays: days,
				timeZone,
				ideaVisibility: 'organisation',
				gainsharingPercent: '10'
			});
		expect(settings('10')).toEqual({
			ok: true,
			value: {
				name: 'Hanami',
				decisionDeadlineDays: 10,
				timeZone: 'Europe/Berlin',
				ideaVisibility: 'organisation',
				gainsharingPercent: 10
			}
		});
		expect(settings('0').ok).toBe(false);
		expect(settings('91').ok).toBe(false);
		expect(settings('2.5').ok).toBe(false);
		expect(settings('10', 'Mars/Olympus_Mons')).toEqual({
			ok: false,
			errors: { timeZone: 'Choose a time zone from the list.' }
		});
	});
});
