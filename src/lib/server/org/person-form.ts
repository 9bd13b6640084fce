import type { FieldErrors, Outcome } from '../../domain/outcome';
import { personSchema, type PersonInput } from '../../domain/schemas';
import { displayTeamPath, teamPathKey } from '../../domain/team-path';
import { isUuid, parseInput } from '../../domain/validation';
import { readForm } from '../form';
import type { PersonSummary } from './people';
import { listTeamChoices, listTeamPaths, teamFinder } from './teams';

/**
 * The person form names a team to choose by path, typed with the browser's suggestions ("Plant A ›
 * Assembly"), not from a list of every team: an organisation of 2,000 teams would send each of
 * them twice, as an option and as a checkbox (1.5 MB). Teams already chosen travel by id. Fields:
 */
const FIELDS = [
	'displayName',
	'email',
	'employeeNumber',
	'homeTeam',
	'homeTeamId',
	'addManagedTeam'
] as const;
/** `managedTeamIds`: the teams managed so far, ticked; `addManagedTeam` types one more. */
const LIST_FIELDS = ['roles', 'managedTeamIds'] as const;

/** A type, not an interface: the form's failure shape takes it as a record. */
export type PersonFormValues = {
	displayName: string;
	email: string;
	employeeNumber: string;
	/** The home team's path as shown or typed… */
	homeTeam: string;
	/** …and the team it stood for when shown: kept while that text is left as it was. */
	homeTeamId: string;
	roles: string[];
	/** The teams managed so far, with the path each is shown by. */
	managedTeams: { id: string; path: string }[];
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
 * Reads the person form: the values to show again, and the person with their teams (field errors,
 * named by the form's fields, when a typed team or anything else is wrong).
 */
export async function readPersonForm(
	formData: FormData
): Promise<{ values: PersonFormValues; parsed: Outcome<PersonInput> }> {
	const read = readForm(formData, FIELDS, LIST_FIELDS);
	const text = (field: (typeof FIELDS)[number]) => (read[field] as string).trim();
	const choices = await listTeamChoices();
	const pathOf = new Map(choices.map((team) => [team.id, displayTeamPath(team.path)]));
	const find = await teamFinder(choices);
	const errors: FieldErrors = {};

	// The team shown stays chosen while its text is unchanged; anything typed is looked up.
	const homeTeam = text('homeTeam');
	const shownHome = pathOf.get(text('homeTeamId'));
	let homeTeamId = '';
	if (shownHome !== undefined && teamPathKey(shownHome) === teamPathKey(homeTeam)) {
		homeTeamId = text('homeTeamId');
	} else if (homeTeam !== '') {
		const found = find(homeTeam);
		if ('id' in found) homeTeamId = found.id;
		else errors.homeTeam = found.error;
	}

	const tickedIds = [...new Set(read.managedTeamIds as string[])];
	const managedTeams = tickedIds.flatMap((id) => {
		const path = isUuid(id) ? pathOf.get(id) : undefined;
		return path === undefined ? [] : [{ id, path }];
	});
	if (managedTeams.length < tickedIds.length) {
		errors.managedTeams = 'One of those teams no longer exists.';
	}
	const addManagedTeam = text('addManagedTeam');
	const added = addManagedTeam === '' ? null : find(addManagedTeam);
	if (added && 'error' in added) errors.addManagedTeam = added.error;
	const managedTeamIds = [
		...new Set([
			...managedTeams.map((team) => team.id),
			...(added && 'id' in added ? [added.id] : [])
		])
	];

	const values: PersonFormValues = {
		displayName: read.displayName as string,
		email: read.email as string,
		employeeNumber: read.employeeNumber as string,
		homeTeam,
		homeTeamId,
		roles: read.roles as string[],
		managedTeams,
		addManagedTeam
	};
	const parsed = parseInput(personSchema, { ...values, homeTeamId, managedTeamIds });
	const schemaErrors = parsed.ok ? {} : toPersonFormErrors(parsed.errors);
	// A team typed wrong is the one problem with the teams: not also "needs at least one team".
	if (errors.addManagedTeam) delete schemaErrors.managedTeams;
	const allErrors = { ...schemaErrors, ...errors };
	return {
		values,
		parsed: Object.keys(allErrors).length > 0 ? { ok: false, errors: allErrors } : parsed
	};
}

/** A person as the form shows them: their teams by path. */
export async function personFormValues(person: PersonSummary): Promise<PersonFormValues> {
	const paths = await listTeamPaths([person.homeTeamId, ...person.managedTeamIds]);
	const shown = (id: string) => displayTeamPath(paths.get(id) ?? '');
	return {
		displayName: person.displayName,
		email: person.email ?? '',
		employeeNumber: person.employeeNumber ?? '',
		homeTeam: shown(person.homeTeamId),
		homeTeamId: person.homeTeamId,
		roles: person.roles,
		managedTeams: person.managedTeamIds
			.map((id) => ({ id, path: shown(id) }))
			.sort((a, b) => a.path.localeCompare(b.path)),
		addManagedTeam: ''
	};
}
