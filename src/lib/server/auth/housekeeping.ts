import { and, lt, or, isNull } from 'drizzle-orm';
import { db } from '../db';
import { signInThrottles } from '../db/schema';
import { FAILURE_MEMORY_MS } from './rate-limit';
import { deleteExpiredSessions } from './session';

/**
 * Deletes what authentication no longer needs: expired sessions and forgotten sign-in failures.
 * Idempotent, so every app server may run it.
 */
export async function deleteStaleAuthRecords(
	now = new Date()
): Promise<{ sessions: number; throttles: number }> {
	const sessions = await deleteExpiredSessions(now);
	const forgotten = await db
		.delete(signInThrottles)
		.where(
			and(
				lt(signInThrottles.lastFailureAt, new Date(now.getTime() - FAILURE_MEMORY_MS)),
				or(isNull(signInThrottles.blockedUntil), lt(signInThrottles.blockedUntil, now))
			)
		)
		.returning({ key: signInThrottles.key });
	return { sessions, throttles: forgotten.length };
}
