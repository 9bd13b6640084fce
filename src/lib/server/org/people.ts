import { and, count, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { FieldErrors, Outcome } from '../../domain/outcome';
import { reject, succeed } from '../../domain/outcome';
import { isUuid } from '../../domain/validation';
import type { Role } from '../../domain/roles';
import type { PersonInput } from '../../domain/schemas';
import { invalidateAllSessions } from '../auth/session';
import { db, pgErrorCode, type DatabaseOrTransaction } from '../db';
import { people, personRoles, teamManagers, teams } from '../db/schema';
import { createInvitation, type NewInvitation } from './invitations';
import { reconsiderTeamVotes } from '../ideas/self-approval';

export type PersonStatus = 'invited' | 'active' | 'deactivated';

export interface PersonSummary {
	id: string;
	displayName: string;
	email: string | null;
	employeeNumber: string | null;
	homeTeamId: string;
	roles: Role[];
	managedTeamIds: string[];
	status: PersonStatus;
}

export function personStatus(person: {
	deactivatedAt: Date | null;
	passwordHash: string | null;
}): PersonStatus {
	if (person.deactivatedAt) return 'deactivated';
	return person.passwordHash ? 'active' : 'invited';
}

const rolesOf = sql<Role[]>`coalesce(
	(select array_agg(r.role::text order by r.role) from ${personRoles} r where r.person_id = ${people.id}),
	'{}')`;
const managedTeamIdsOf = sql<string[]>`coalesce(
	(select array_agg(m.team_id) from ${teamManagers} m where m.person_id = ${people.id}),
	'{}')`;

const summaryColumns = {
	id: people.id,
	displayName: people.displayName,
	email: people.email,
	employeeNumber: people.employeeNumber,
	homeTeamId: people.homeTeamId,
	deactivatedAt: people.deactivatedAt,
	passwordHash: people.passwordHash,
	roles: rolesOf,
	managedTeamIds: managedTeamIdsOf
};

function toSummary(row: {
	id: string;
	displayName: string;
	email: string | null;
	employeeNumber: string | null;
	homeTeamId: string;
	deactivatedAt: Date | null;
	passwordHash: string | null;
	roles: Role[];
	managedTeamIds: string[];
}): PersonSummary {
	const { deactivatedAt, passwordHash, ...rest } = row;
	return { ...rest, status: personStatus({ deactivatedAt, passwordHash }) };
}

/** People for the admin list, optionally filtered by a name / e-mail / employee number search. */
export async function listPeople(filter: PeopleFilter = {}): Promise<PersonSummary[]> {
	return (await listPeoplePage(filter)).people;
}

export interface PeopleFilter {
	search?: string;
	teamId?: string;
	status?: PersonStatus;
}

/** One page of the admin list; everyone when no limit is given. `total` counts every match. */
export async function listPeoplePage(
	filter: PeopleFilter,
	limit?: number
): Promise<{ people: PersonSummary[]; total: number }> {
	const conditions = [];
	if (filter.search) {
		const pattern = `%${filter.search.replace(/[\\%_]/g, '\\$&')}%`;
		conditions.push(
			or(
				sql`${people.displayName} ilike ${pattern}`,
				sql`${people.email} ilike ${pattern}`,
				sql`${people.employeeNumber} ilike ${pattern}`
			)
		);
	}
	if (filter.teamId) conditions.push(eq(people.homeTeamId, filter.teamId));
	if (filter.status === 'deactivated') conditions.push(sql`${people.deactivatedAt} is not null`);
	if (filter.status === 'invited') {
		conditions.push(and(isNull(people.deactivatedAt), isNull(people.passwordHash)));
	}
	if (filter.status === 'active') {
		conditions.push(and(isNull(people.deactivatedAt), sql`${people.passwordHash} is not null`));
	}
	const where = and(...conditions);
	// By name with the deactivated last, as people_list_idx has them, so a page reads only its
	// rows; counted apart (counting in the same statement sorted all 100,000 people: 70 ms).
	const query = db
		.select(summaryColumns)
		.from(people)
		.where(where)
		.orderBy(sql`${people.deactivatedAt} is not null`, people.displayName, people.id);
	const [rows, [{ total }]] = await Promise.all([
		limit === undefined ? query : query.limit(limit),
		db.select({ total: count() }).from(people).where(where)
	]);
	return { people: rows.map(toSummary), total };
}

/** A person by id; undefined for unknown or malformed ids (a typed URL is a 404, not a 500). */
export async function getPerson(personId: string): Promise<PersonSummary | undefined> {
	if (!isUuid(personId)) return undefined;
	const [row] = await db.select(summaryColumns).from(people).where(eq(people.id, personId));
	return row ? toSummary(row) : undefined;
}

/** Field errors for identifiers already used by someone else, or for teams that do not exist. */
async function findConflicts(
	tx: DatabaseOrTransaction,
	input: PersonInput,
	exceptPersonId?: string
): Promise<FieldErrors> {
	const errors: FieldErrors = {};
	const identifierMatches = [
		input.email ? eq(people.email, input.email) : undefined,
		input.employeeNumber ? eq(people.employeeNumber, input.employeeNumber) : undefined
	].filter(Boolean);
	if (identifierMatches.length > 0) {
		const taken = await tx
			.select({ email: people.email, employeeNumber: people.employeeNumber })
			.from(people)
			.where(
				and(or(...identifierMatches), exceptPersonId ? ne(people.id, exceptPersonId) : undefined)
			);
		if (input.email && taken.some((row) => row.email === input.email)) {
			errors.email = 'Someone already has this e-mail address.';
		}
		if (input.employeeNumber && taken.some((row) => row.employeeNumber === input.employeeNumber)) {
			errors.employeeNumber = 'Someone already has this employee number.';
		}
	}
	const teamIds = [...new Set([input.homeTeamId, ...input.managedTeamIds])];
	const found = await tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, teamIds));
	const foundIds = new Set(found.map((row) => row.id));
	if (!foundIds.has(input.homeTeamId)) errors.homeTeamId = 'That team no longer exists.';
	if (input.managedTeamIds.some((id) => !foundIds.has(id))) {
		errors.managedTeamIds = 'One of those teams no longer exists.';
	}
	return errors;
}

async function writeRolesAndTeams(
	tx: DatabaseOrTransaction,
	personId: string,
	input: PersonInput
): Promise<void> {
	await tx.delete(personRoles).where(eq(personRoles.personId, personId));
	await tx.delete(teamManagers).where(eq(teamManagers.personId, personId));
	await tx
		.insert(personRoles)
		.values([...new Set(input.roles)].map((role) => ({ personId, role })));
	const managed = [...new Set(input.managedTeamIds)];
	if (managed.length > 0) {
		await tx.insert(teamManagers).values(managed.map((teamId) => ({ personId, teamId })));
	}
}

/**
 * Inserts a person with roles, managed teams and an invitation. Runs in the caller's transaction;
 * the caller has already validated the input (see createPerson and the CSV import).
 */
export async function insertPerson(
	tx: DatabaseOrTransaction,
	input: PersonInput,
	createdById: string | null,
	now = new Date()
): Promise<{ personId: string; invitation: NewInvitation }> {
	const [person] = await tx
		.insert(people)
		.values({
			displayName: input.displayName,
			email: input.email,
			employeeNumber: input.employeeNumber,
			homeTeamId: input.homeTeamId,
			createdAt: now
		})
		.returning({ id: people.id });
	await writeRolesAndTeams(tx, person.id, input);
	const invitation = await createInvitation(person.id, createdById, now, tx);
	return { personId: person.id, invitation };
}

function uniqueViolationErrors(error: unknown): FieldErrors | null {
	if (pgErrorCode(error) !== '23505') return null;
	// A concurrent admin took the identifier between our check and our insert.
	return { email: 'Someone already has this e-mail address or employee number.' };
}

/** Adds one person and returns their invitation link token. */
export async function createPerson(
	input: PersonInput,
	createdById: string,
	now = new Date()
): Promise<Outcome<{ personId: string; invitation: NewInvitation }>> {
	try {
		return await db.transaction(async (tx) => {
			const conflicts = await findConflicts(tx, input);
			if (Object.keys(conflicts).length > 0) return reject(conflicts);
			return succeed(await insertPerson(tx, input, createdById, now));
		});
	} catch (error) {
		const errors = uniqueViolationErrors(error);
		if (errors) return reject(errors);
		throw error;
	}
}

async function countOtherActiveAdmins(tx: DatabaseOrTransaction, personId: string) {
	const [row] = await tx
		.select({ count: sql<number>`count(*)::int` })
		.from(personRoles)
		.innerJoin(people, eq(people.id, personRoles.personId))
		.where(
			and(eq(personRoles.role, 'admin'), ne(people.id, personId), isNull(people.deactivatedAt))
		);
	return row.count;
}

/** Changes a person's name, identifiers, team, roles and managed teams. */
export async function updatePerson(
	personId: string,
	input: PersonInput,
	actorId: string
): Promise<Outcome<{ personId: string }>> {
	try {
		return await db.transaction(async (tx) => {
			const [existing] = await tx
				.select({ id: people.id, homeTeamId: people.homeTeamId })
				.from(people)
				.where(eq(people.id, personId))
				.for('update');
			if (!existing) return reject({ form: 'This person no longer exists.' });
			if (!input.roles.includes('admin')) {
				if (personId === actorId) {
					return reject({ roles: 'You cannot remove your own administrator role.' });
				}
				if ((await countOtherActiveAdmins(tx, personId)) === 0) {
					return reject({ roles: 'The organisation needs at least one active administrator.' });
				}
			}
			const conflicts = await findConflicts(tx, input, personId);
			if (Object.keys(conflicts).length > 0) return reject(conflicts);
			await tx
				.update(people)
				.set({
					displayName: input.displayName,
					email: input.email,
					employeeNumber: input.employeeNumber,
					homeTeamId: input.homeTeamId
				})
				.where(eq(people.id, personId));
			await writeRolesAndTeams(tx, personId, input);
			// A smaller team may now have two thirds for an idea it is voting on.
			if (existing.homeTeamId !== input.homeTeamId) {
				await reconsiderTeamVotes(tx, existing.homeTeamId);
			}
			return succeed({ personId });
		});
	} catch (error) {
		const errors = uniqueViolationErrors(error);
		if (errors) return reject(errors);
		throw error;
	}
}

/** Deactivates a person: they can no longer sign in and every session of theirs ends at once. */
export async function deactivatePerson(
	personId: string,
	actorId: string,
	now = new Date()
): Promise<Outcome<{ personId: string }>> {
	if (personId === actorId) return reject({ form: 'You cannot deactivate yourself.' });
	return db.transaction(async (tx) => {
		const [person] = await tx
			.select({ id: people.id, homeTeamId: people.homeTeamId, roles: rolesOf })
			.from(people)
			.where(eq(people.id, personId))
			.for('update');
		if (!person) return reject({ form: 'This person no longer exists.' });
		if (person.roles.includes('admin') && (await countOtherActiveAdmins(tx, personId)) === 0) {
			return reject({ form: 'The organisation needs at least one active administrator.' });
		}
		await tx
			.update(people)
			.set({ deactivatedAt: now })
			.where(and(eq(people.id, personId), isNull(people.deactivatedAt)));
		await invalidateAllSessions(personId, tx);
		await reconsiderTeamVotes(tx, person.homeTeamId, now);
		return succeed({ personId });
	});
}

export async function reactivatePerson(personId: string): Promise<Outcome<{ personId: string }>> {
	const [person] = await db
		.update(people)
		.set({ deactivatedAt: null })
		.where(eq(people.id, personId))
		.returning({ id: people.id });
	return person ? succeed({ personId }) : reject({ form: 'This person no longer exists.' });
}

/** A new sign-in link for a person: for a lost invitation or a forgotten password. */
export async function reissueInvitation(
	personId: string,
	actorId: string,
	now = new Date()
): Promise<Outcome<NewInvitation>> {
	const person = await getPerson(personId);
	if (!person) return reject({ form: 'This person no longer exists.' });
	if (person.status === 'deactivated') {
		return reject({ form: 'Reactivate this person before sending them a sign-in link.' });
	}
	return succeed(await createInvitation(personId, actorId, now));
}
