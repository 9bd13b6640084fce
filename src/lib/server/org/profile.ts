import { eq } from 'drizzle-orm';
import { ROLE_LABELS } from '../../domain/roles';
import { displayTeamPath } from '../../domain/team-path';
import { db } from '../db';
import { teamManagers } from '../db/schema';
import { getPerson } from './people';
import { listTeamPaths } from './teams';

export interface PersonProfile {
	displayName: string;
	email: string | null;
	employeeNumber: string | null;
	teamPath: string;
	roleLabels: string[];
	managedTeamPaths: string[];
}

/** What a person sees about themselves on their account page. */
export async function describePerson(personId: string): Promise<PersonProfile> {
	const person = await getPerson(personId);
	if (!person) throw new Error(`No person ${personId}`);
	const managed = await db
		.select({ teamId: teamManagers.teamId })
		.from(teamManagers)
		.where(eq(teamManagers.personId, personId));
	const paths = await listTeamPaths([person.homeTeamId, ...managed.map((row) => row.teamId)]);
	const pathOf = (teamId: string) => paths.get(teamId) ?? '—';
	return {
		displayName: person.displayName,
		email: person.email,
		employeeNumber: person.employeeNumber,
		teamPath: displayTeamPath(pathOf(person.homeTeamId)),
		roleLabels: person.roles.map((role) => ROLE_LABELS[role]),
		managedTeamPaths: managed.map((row) => displayTeamPath(pathOf(row.teamId))).sort()
	};
}
