import type { Role } from '../../../src/lib/domain/roles';
import { hashPassword } from '../../../src/lib/server/auth/password';
import { db } from '../../../src/lib/server/db';
import { people, personRoles, teamManagers, teams } from '../../../src/lib/server/db/schema';

let sequence = 0;
const next = () => ++sequence;

export const TEST_PASSWORD = 'correct horse battery';
let testPasswordHash: Promise<string> | undefined;

export async function makeTeam(name = `Team ${next()}`, parentId: string | null = null) {
	const [team] = await db.insert(teams).values({ name, parentId }).returning();
	return team;
}

export interface PersonOptions {
	name?: string;
	email?: string | null;
	employeeNumber?: string | null;
	teamId?: string;
	roles?: Role[];
	manages?: string[];
	/** false: invited, no password yet. */
	hasPassword?: boolean;
	deactivatedAt?: Date;
}

export async function makePerson(options: PersonOptions = {}) {
	const n = next();
	const teamId = options.teamId ?? (await makeTeam()).id;
	testPasswordHash ??= hashPassword(TEST_PASSWORD);
	const [person] = await db
		.insert(people)
		.values({
			displayName: options.name ?? `Person ${n}`,
			email: options.email === undefined ? `person${n}@example.com` : options.email,
			employeeNumber: options.employeeNumber ?? null,
			homeTeamId: teamId,
			passwordHash: options.hasPassword === false ? null : await testPasswordHash,
			deactivatedAt: options.deactivatedAt ?? null
		})
		.returning();
	const roles = options.roles ?? ['employee'];
	await db.insert(personRoles).values(roles.map((role) => ({ personId: person.id, role })));
	for (const managedTeamId of options.manages ?? []) {
		await db.insert(teamManagers).values({ personId: person.id, teamId: managedTeamId });
	}
	return person;
}
