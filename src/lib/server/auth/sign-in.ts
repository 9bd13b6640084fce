import { and, eq, isNull } from 'drizzle-orm';
import { parseSignInIdentifier } from '../../domain/identifiers';
import { db } from '../db';
import { people } from '../db/schema';
import { verifyAgainstDummy, verifyPassword } from './password';
import { clearFailures, recordFailure, signInThrottleKeys, throttleWaitMs } from './rate-limit';
import { createSession, type NewSession } from './session';

export type SignInResult =
	| { ok: true; personId: string; newSession: NewSession }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an e-mail or employee number with its password and starts a new session.
 * Unknown people, deactivated people, people without a password yet and wrong passwords all give the
 * same answer, after the same amount of work.
 */
export async function signIn(
	input: { identifier: string; password: string; clientAddress: string },
	now = new Date()
): Promise<SignInResult> {
	const identifier = parseSignInIdentifier(input.identifier);
	const keys = signInThrottleKeys(identifier.value, input.clientAddress);

	const waitMs = await throttleWaitMs(keys, now);
	if (waitMs > 0)
		return { ok: false, reason: 'throttled', retryAfterSeconds: Math.ceil(waitMs / 1000) };

	const column = identifier.kind === 'email' ? people.email : people.employeeNumber;
	const [person] = await db
		.select({ id: people.id, passwordHash: people.passwordHash })
		.from(people)
		.where(and(eq(column, identifier.value), isNull(people.deactivatedAt)));

	const isValid = person?.passwordHash
		? await verifyPassword(person.passwordHash, input.password)
		: await verifyAgainstDummy(input.password);
	if (!person || !isValid) {
		await recordFailure(keys, now);
		return { ok: false, reason: 'invalid' };
	}

	await clearFailures(keys[0].key);
	return { ok: true, personId: person.id, newSession: await createSession(person.id, now) };
}
