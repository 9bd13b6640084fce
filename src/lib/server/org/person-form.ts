import type { FieldErrors, Outcome } from '../../domain/outcome';
import { personSchema, type PersonInput } from '../../domain/schemas';
import { displayTeamPath } from '../../domain/team-path';
import { parseInput } from '../../domain/validation';
import { readForm } from '../form';
import type { PersonSummary } from './people';
import { listTeamPaths, teamFinder } from './teams';

/**
 * The person form names teams by path, typed with the browser's suggestions ("Plant A › Assembly"),
 * not by id from a list of every team: an organisation of 2,000 teams would send each of them
 * twice, as an option and as a checkbox (1.5 MB). Its fields:
 */
const FIELDS = ['displayName', 'email', 'employeeNumber', 'homeTeam', 'addManagedTeam'] as const;
/** `managedTeams`: the teams managed so far, as checkboxes; `addManagedTeam` types one more. */
const LIST_FIELDS = ['roles', 'managedTeams'] as const;

/** A type, not an interface: the form's failure shape takes it as a record. */
export type PersonFormValues = {
	displayName: string;
	email: string;
	employeeNumber: string;
	homeTeam: string;
	roles: string[];
	managedTeams: string[];
	addManagedTeam: string;
};

/** The form's errors are named by its fields; the input's by team ids. */
const FORM_FIELD_OF: Record<string, string> = {
	homeTeamId: 'homeTeam',
	managedTeamIds: 'managedTeams'
};

export function toPersonFormErrors(errors: FieldErrors): FieldErrors {
	return Object.fromEntries(
		Object.entries(errors).map(([field, message]) => [FORM_FIELD_OF[field] ?? field, message])
	);
}

/**
 * Reads the person form: the values to show again, and the person with their teams found by path
 * (field errors, named by the form's fields, when a path or anything else is wrong).
 */
export async function readPersonForm(
	formData: FormData
): Promise<{ values: PersonFormValues; parsed: Outcome<PersonInput> }> {
	const read = readForm(formData, FIELDS, LIST_FIELDS) as unknown as PersonFormValues;
	const values: PersonFormValues = {
		...read,
		homeTeam: read.homeTeam.trim(),
		managedTeams: [...new Set(read.managedTeams)],
		addManagedTeam: read.addManagedTeam.trim()
	};

	const find = await teamFinder();
	const errors: FieldErrors = {};
	const homeTeam = values.homeTeam === '' ? { id: '' } : find(values.homeTeam);
	if ('error' in homeTeam) errors.homeTeam = homeTeam.error;
	const managed = values.managedTeams.map(find);
	const wrong = managed.find((found) => 'error' in found);
	if (wrong && 'error' in wrong) errors.managedTeams = wrong.error;
	const added = values.addManagedTeam === '' ? null : find(values.addManagedTeam);
	if (added && 'error' in added) errors.addManagedTeam = added.error;
	const managedTeamIds = [
		...new Set([...managed, added].flatMap((found) => (found && 'id' in found ? [found.id] : [])))
	];

	const parsed = parseInput(personSchema, {
		...values,
		homeTeamId: 'id' in homeTeam ? homeTeam.id : '',
		managedTeamIds
	});
	const allErrors = { ...(parsed.ok ? {} : toPersonFormErrors(parsed.errors)), ...errors };
	return {
		values,
		parsed: Object.keys(allErrors).length > 0 ? { ok: false, errors: allErrors } : parsed
	};
}

/** A person as the form shows them: their teams by path. */
export async function personFormValues(person: PersonSummary): Promise<PersonFormValues> {
	const paths = await listTeamPaths([person.homeTeamId, ...person.managedTeamIds]);
	return {
		displayName: person.displayName,
		email: person.email ?? '',
		employeeNumber: person.employeeNumber ?? '',
		homeTeam: displayPath(paths.get(person.homeTeamId)),
		roles: person.roles,
		managedTeams: person.managedTeamIds
			.map((id) => displayPath(paths.get(id)))
			.filter(Boolean)
			.sort(),
		addManagedTeam: ''
	};
}

const displayPath = (path: string | undefined) => (path ? displayTeamPath(path) : '');
