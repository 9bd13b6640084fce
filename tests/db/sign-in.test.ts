import { describe, expect, it } from 'vitest';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { signIn } from '../../src/lib/server/auth/sign-in';
import { ACCOUNT_POLICY, ADDRESS_POLICY, MAX_WAIT_MS } from '../../src/lib/server/auth/rate-limit';
import { useTestDatabase } from './support/database';
import { TEST_PASSWORD, makePerson } from './support/factories';

useTestDatabase();

const ADDRESS = '203.0.113.7';
const attempt = (identifier: string, password: string, now?: Date, clientAddress = ADDRESS) =>
	signIn({ identifier, password, clientAddress }, now);

describe('sign-in', () => {
	it('accepts an e-mail address in any case, and starts a valid session', async () => {
		const person = await makePerson({ email: 'aiko@example.com' });
		const result = await attempt('  Aiko@Example.COM ', TEST_PASSWORD);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.personId).toBe(person.id);
		expect((await validateSessionToken(result.newSession.token))?.user.id).toBe(person.id);
	});

	it('accepts an employee number for people without e-mail', async () => {
		const person = await makePerson({ email: null, employeeNumber: 'E1042' });
		const result = await attempt('e1042', TEST_PASSWORD);
		expect(result.ok && result.personId).toBe(person.id);
	});

	it('answers the same for an unknown person, a wrong password, an invited or a deactivated person', async () => {
		await makePerson({ email: 'known@example.com' });
		await makePerson({ email: 'invited@example.com', hasPassword: false });
		await makePerson({ email: 'gone@example.com', deactivatedAt: new Date() });
		const answers = [
			await attempt('nobody@example.com', TEST_PASSWORD),
			await attempt('known@example.com', 'wrong password'),
			await attempt('invited@example.com', TEST_PASSWORD),
			await attempt('gone@example.com', TEST_PASSWORD)
		];
		expect(answers).toEqual(Array(4).fill({ ok: false, reason: 'invalid' }));
	});
});

describe('sign-in throttling', () => {
	it(`lets an account fail ${ACCOUNT_POLICY.freeFailures} times, then makes it wait`, async () => {
		await makePerson({ email: 'target@example.com' });
		const now = new Date('2026-05-04T09:00:00Z');
		for (let i = 0; i < ACCOUNT_POLICY.freeFailures - 1; i++) {
			expect(await attempt('target@example.com', `guess ${i}`, now)).toEqual({
				ok: false,
				reason: 'invalid'
			});
		}
		await attempt('target@example.com', 'last free guess', now);
		// Now even the right password is refused until the wait is over, without being checked.
		const blocked = await attempt('target@example.com', TEST_PASSWORD, now);
		expect(blocked).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 60 });

		const afterWait = new Date(now.getTime() + 60_000);
		expect((await attempt('target@example.com', TEST_PASSWORD, afterWait)).ok).toBe(true);
	});

	it('doubles the wait with further failures, capped so the owner is never locked out for good', async () => {
		await makePerson({ email: 'target@example.com' });
		let now = new Date('2026-05-04T09:00:00Z');
		for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++) {
			await attempt('target@example.com', 'guess', now);
		}
		const waits: number[] = [];
		for (let round = 0; round < 6; round++) {
			// While blocked even the right password is refused; each wrong guess after a wait doubles it.
			const blocked = await attempt('target@example.com', TEST_PASSWORD, now);
			if (blocked.ok || blocked.reason !== 'throttled') throw new Error('expected a wait');
			waits.push(blocked.retryAfterSeconds);
			now = new Date(now.getTime() + blocked.retryAfterSeconds * 1000);
			await attempt('target@example.com', 'another guess', now);
		}
		expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
		expect(Math.max(...waits) * 1000).toBe(MAX_WAIT_MS);
	});

	it('forgets an account’s failures after a successful sign-in', async () => {
		await makePerson({ email: 'target@example.com' });
		const now = new Date('2026-05-04T09:00:00Z');
		for (let i = 0; i < ACCOUNT_POLICY.freeFailures - 1; i++) {
			await attempt('target@example.com', 'typo', now);
		}
		expect((await attempt('target@example.com', TEST_PASSWORD, now)).ok).toBe(true);
		for (let i = 0; i < ACCOUNT_POLICY.freeFailures - 1; i++) {
			await attempt('target@example.com', 'typo', now);
		}
		expect((await attempt('target@example.com', TEST_PASSWORD, now)).ok).toBe(true);
	});

	it('throttles one client address that tries many accounts', async () => {
		const victim = await makePerson({ email: 'victim@example.com' });
		const now = new Date('2026-05-04T09:00:00Z');
		for (let i = 0; i < ADDRESS_POLICY.freeFailures; i++) {
			await attempt(`guess${i}@example.com`, 'password guess', now);
		}
		const fromAttacker = await attempt('victim@example.com', TEST_PASSWORD, now);
		expect(fromAttacker).toMatchObject({ ok: false, reason: 'throttled' });
		// The real owner, from their own address, is not affected.
		const fromOwner = await attempt('victim@example.com', TEST_PASSWORD, now, '198.51.100.20');
		expect(fromOwner.ok && fromOwner.personId).toBe(victim.id);
	});
});
