import { eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db';
import { signInThrottles } from '../db/schema';

const MINUTE_MS = 60 * 1000;

export interface ThrottlePolicy {
	/** Failures tolerated before the first wait. */
	freeFailures: number;
}

/** Per account: a person who mistypes a few times is not slowed down. */
export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5 };
/** Per client address: a shared shop-floor terminal or office NAT sees many people's typos. */
export const ADDRESS_POLICY: ThrottlePolicy = { freeFailures: 20 };
/** The count starts again after this long without a failure. */
export const FAILURE_MEMORY_MS = 60 * MINUTE_MS;
/** Waits double from one minute up to this cap: slow for a guesser, never a permanent lock-out. */
export const MAX_WAIT_MS = 15 * MINUTE_MS;

export interface ThrottleKey {
	key: string;
	policy: ThrottlePolicy;
}

export function signInThrottleKeys(identifier: string, clientAddress: string): ThrottleKey[] {
	return [
		{ key: `account:${identifier}`, policy: ACCOUNT_POLICY },
		{ key: `address:${clientAddress}`, policy: ADDRESS_POLICY }
	];
}

/** How long the person must wait after this many consecutive failures (0 = no wait). */
export function waitAfterFailures(failures: number, policy: ThrottlePolicy): number {
	const excess = failures - policy.freeFailures;
	if (excess < 0) return 0;
	return Math.min(MINUTE_MS * 2 ** Math.min(excess, 10), MAX_WAIT_MS);
}

/** Milliseconds until any of the keys may try again; 0 when none is blocked. */
export async function throttleWaitMs(keys: ThrottleKey[], now = new Date()): Promise<number> {
	const rows = await db
		.select({ blockedUntil: signInThrottles.blockedUntil })
		.from(signInThrottles)
		.where(
			inArray(
				signInThrottles.key,
				keys.map((k) => k.key)
			)
		);
	const latest = Math.max(0, ...rows.map((row) => row.blockedUntil?.getTime() ?? 0));
	return Math.max(0, latest - now.getTime());
}

/** Counts one failure against every key; a key over its allowance is blocked for a while. */
export async function recordFailure(keys: ThrottleKey[], now = new Date()): Promise<void> {
	// An ISO string, not a Date: postgres.js cannot bind a Date inside a raw sql fragment.
	const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS).toISOString();
	for (const { key, policy } of keys) {
		// One statement per key, so concurrent failures all count (no read-modify-write race).
		const [row] = await db
			.insert(signInThrottles)
			.values({ key, failures: 1, lastFailureAt: now })
			.onConflictDoUpdate({
				target: signInThrottles.key,
				set: {
					failures: sql`case when ${signInThrottles.lastFailureAt} <= ${forgetBefore}::timestamptz
						then 1 else ${signInThrottles.failures} + 1 end`,
					lastFailureAt: now
				}
			})
			.returning({ failures: signInThrottles.failures });
		const waitMs = waitAfterFailures(row.failures, policy);
		if (waitMs > 0) {
			await db
				.update(signInThrottles)
				.set({ blockedUntil: new Date(now.getTime() + waitMs) })
				.where(eq(signInThrottles.key, key));
		}
	}
}

/** A successful sign-in forgets the account's failures (the address keeps its count). */
export async function clearFailures(key: string): Promise<void> {
	await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
}
