import { eq } from 'drizzle-orm';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { db } from '../db';
import { people } from '../db/schema';
import { checkPasswordRules, hashPassword, verifyPassword } from './password';
import { createSession, invalidateAllSessions, type NewSession } from './session';

/**
 * Changes a person's own password. Every session of theirs ends (a thief's too); the device that made
 * the change gets a fresh session so the person stays signed in there.
 */
export async function changePassword(
	personId: string,
	input: { currentPassword: string; password: string },
	now = new Date()
): Promise<Outcome<NewSession>> {
	const [person] = await db
		.select({ passwordHash: people.passwordHash })
		.from(people)
		.where(eq(people.id, personId));
	if (
		!person?.passwordHash ||
		!(await verifyPassword(person.passwordHash, input.currentPassword))
	) {
		return reject({ currentPassword: 'That is not your current password.' });
	}
	const problem = checkPasswordRules(input.password);
	if (problem) return reject({ password: problem });

	const passwordHash = await hashPassword(input.password);
	await db.transaction(async (tx) => {
		await tx.update(people).set({ passwordHash }).where(eq(people.id, personId));
		await invalidateAllSessions(personId, tx);
	});
	return succeed(await createSession(personId, now));
}
