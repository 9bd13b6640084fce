import { and, eq, isNull } from 'drizzle-orm';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { checkPasswordRules, hashPassword } from '../auth/password';
import { invalidateAllSessions } from '../auth/session';
import {
	generateSecureRandomString,
	hashSecret,
	secretMatchesHash,
	splitToken
} from '../auth/tokens';
import { db, type DatabaseOrTransaction } from '../db';
import { invitations, people } from '../db/schema';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewInvitation {
	token: string;
	expiresAt: Date;
}

/**
 * Issues a one-time link with which a person sets their password (first sign-in, or a reset by an
 * administrator). Earlier unused links for the person stop working: only the newest one is valid.
 */
export async function createInvitation(
	personId: string,
	createdById: string | null,
	now = new Date(),
	tx: DatabaseOrTransaction = db
): Promise<NewInvitation> {
	await tx
		.delete(invitations)
		.where(and(eq(invitations.personId, personId), isNull(invitations.usedAt)));
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
	await tx.insert(invitations).values({
		id,
		secretHash: hashSecret(secret),
		personId,
		createdById,
		createdAt: now,
		expiresAt
	});
	return { token: `${id}.${secret}`, expiresAt };
}

export type InvitationLookup =
	| { status: 'valid'; displayName: string; signInName: string; hasPassword: boolean }
	| { status: 'expired' | 'used' | 'invalid' };

/** What the invitation page should show for a token. */
export async function findInvitation(token: string, now = new Date()): Promise<InvitationLookup> {
	const parts = splitToken(token);
	if (!parts) return { status: 'invalid' };
	const [row] = await db
		.select({
			invitation: invitations,
			displayName: people.displayName,
			email: people.email,
			employeeNumber: people.employeeNumber,
			passwordHash: people.passwordHash
		})
		.from(invitations)
		.innerJoin(people, and(eq(people.id, invitations.personId), isNull(people.deactivatedAt)))
		.where(eq(invitations.id, parts.id));
	if (!row || !secretMatchesHash(parts.secret, row.invitation.secretHash)) {
		return { status: 'invalid' };
	}
	if (row.invitation.usedAt) return { status: 'used' };
	if (row.invitation.expiresAt <= now) return { status: 'expired' };
	return {
		status: 'valid',
		displayName: row.displayName,
		signInName: (row.email ?? row.employeeNumber)!,
		hasPassword: row.passwordHash !== null
	};
}

const UNUSABLE_LINK =
	'This link has expired or was already used. Ask your administrator for a new one.';

/**
 * Sets the person's password from an invitation and uses the invitation up. Ends every existing
 * session of the person, as any password change does. Returns the person's id.
 */
export async function acceptInvitation(
	token: string,
	password: string,
	now = new Date()
): Promise<Outcome<{ personId: string }>> {
	const passwordProblem = checkPasswordRules(password);
	if (passwordProblem) return reject({ password: passwordProblem });

	const parts = splitToken(token);
	if (!parts) return reject({ form: UNUSABLE_LINK });
	const passwordHash = await hashPassword(password);

	return db.transaction(async (tx) => {
		// The row lock makes the link single-use even when the form is submitted twice at once.
		const [invitation] = await tx
			.select()
			.from(invitations)
			.where(eq(invitations.id, parts.id))
			.for('update');
		const isUsable =
			invitation &&
			secretMatchesHash(parts.secret, invitation.secretHash) &&
			!invitation.usedAt &&
			invitation.expiresAt > now;
		if (!isUsable) return reject({ form: UNUSABLE_LINK });

		const [person] = await tx
			.update(people)
			.set({ passwordHash })
			.where(and(eq(people.id, invitation.personId), isNull(people.deactivatedAt)))
			.returning({ id: people.id });
		if (!person) return reject({ form: UNUSABLE_LINK });
		await tx.update(invitations).set({ usedAt: now }).where(eq(invitations.id, invitation.id));
		await invalidateAllSessions(person.id, tx);
		return succeed({ personId: person.id });
	});
}
