import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { changePassword } from '../../src/lib/server/auth/account';
import {
	ABSOLUTE_LIFETIME_MS,
	ACTIVITY_UPDATE_INTERVAL_MS,
	INACTIVITY_TIMEOUT_MS,
	assumeSession,
	createSession,
	deleteExpiredSessions,
	invalidateSession,
	sessionStillValidCondition,
	validateSessionToken,
	type AssumedSession
} from '../../src/lib/server/auth/session';
import { db, selectRows } from '../../src/lib/server/db';
import { notifications, people, personRoles, sessions } from '../../src/lib/server/db/schema';
import { updateOrganisationSettings } from '../../src/lib/server/org/settings';
import { readPageFrame } from '../../src/lib/server/page-frame';
import { acceptInvitation, createInvitation } from '../../src/lib/server/org/invitations';
import { deactivatePerson } from '../../src/lib/server/org/people';
import { useTestDatabase } from './support/database';
import { TEST_PASSWORD, makePerson, makeTeam } from './support/factories';

useTestDatabase();

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

describe('session lifecycle', () => {
	it('creates a session whose token validates to its person, and stores only a hash', async () => {
		const person = await makePerson({ roles: ['employee', 'manager'] });
		const { token, session } = await createSession(person.id);

		const [id, secret] = token.split('.');
		expect(session.id).toBe(id);
		const [stored] = await db.select().from(sessions).where(eq(sessions.id, id));
		expect(stored.secretHash).not.toContain(secret);
		expect(stored.secretHash).toMatch(/^[0-9a-f]{64}$/);

		const valid = await validateSessionToken(token);
		expect(valid?.user.id).toBe(person.id);
		expect(valid?.user.roles).toEqual(['employee', 'manager']);
	});

	it('rejects a token with a wrong secret or a malformed shape', async () => {
		const person = await makePerson();
		const { token } = await createSession(person.id);
		const [id] = token.split('.');
		expect(await validateSessionToken(`${id}.${'a'.repeat(24)}`)).toBeNull();
		expect(await validateSessionToken(id)).toBeNull();
		expect(await validateSessionToken(`${token}.extra`)).toBeNull();
		expect(await validateSessionToken('')).toBeNull();
	});

	it('gives a new token at every sign-in', async () => {
		const person = await makePerson();
		const first = await createSession(person.id);
		const second = await createSession(person.id);
		expect(first.token).not.toBe(second.token);
		expect(await validateSessionToken(first.token)).not.toBeNull();
		expect(await validateSessionToken(second.token)).not.toBeNull();
	});

	it('slides the inactivity window with use, writing activity at most hourly', async () => {
		const person = await makePerson();
		const start = new Date('2026-03-01T08:00:00Z');
		const { token } = await createSession(person.id, start);

		const soon = later(start, ACTIVITY_UPDATE_INTERVAL_MS - 1000);
		const unchanged = await validateSessionToken(token, soon);
		expect(unchanged?.session.lastActiveAt.getTime()).toBe(start.getTime());

		const afterInterval = later(start, ACTIVITY_UPDATE_INTERVAL_MS);
		const slid = await validateSessionToken(token, afterInterval);
		expect(slid?.session.lastActiveAt.getTime()).toBe(afterInterval.getTime());
		expect(slid?.expiresAt.getTime()).toBe(afterInterval.getTime() + INACTIVITY_TIMEOUT_MS);

		// Still valid past the first inactivity deadline, because it was used in between.
		const pastFirstDeadline = later(start, INACTIVITY_TIMEOUT_MS + HOUR_MS / 2);
		expect(await validateSessionToken(token, pastFirstDeadline)).not.toBeNull();
	});

	it('expires after the inactivity timeout and deletes the session', async () => {
		const person = await makePerson();
		const start = new Date('2026-03-01T08:00:00Z');
		const { token, session } = await createSession(person.id, start);

		expect(
			await validateSessionToken(token, later(start, INACTIVITY_TIMEOUT_MS - 1000))
		).not.toBeNull();
		const idle = await db.select().from(sessions).where(eq(sessions.id, session.id));
		expect(idle).toHaveLength(1);

		// lastActiveAt moved to (timeout - 1s); go idle a full timeout after that.
		const lastUse = later(start, INACTIVITY_TIMEOUT_MS - 1000);
		expect(await validateSessionToken(token, later(lastUse, INACTIVITY_TIMEOUT_MS))).toBeNull();
		expect(await db.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
	});

	it('ends at the absolute lifetime even when used every day', async () => {
		const person = await makePerson();
		const start = new Date('2026-03-01T08:00:00Z');
		const { token } = await createSession(person.id, start);
		for (let day = 1; day * DAY_MS < ABSOLUTE_LIFETIME_MS; day++) {
			expect(await validateSessionToken(token, later(start, day * DAY_MS))).not.toBeNull();
		}
		const lastValid = await validateSessionToken(token, later(start, ABSOLUTE_LIFETIME_MS - 1000));
		expect(lastValid?.expiresAt.getTime()).toBe(start.getTime() + ABSOLUTE_LIFETIME_MS);
		expect(await validateSessionToken(token, later(start, ABSOLUTE_LIFETIME_MS))).toBeNull();
	});

	it('sign-out deletes the session', async () => {
		const person = await makePerson();
		const { token, session } = await createSession(person.id);
		await invalidateSession(session.id);
		expect(await validateSessionToken(token)).toBeNull();
	});

	it('ends every session of a person an admin deactivates, and refuses them afterwards', async () => {
		const admin = await makePerson({ roles: ['admin'] });
		const person = await makePerson();
		const phone = await createSession(person.id);
		const desk = await createSession(person.id);
		const adminSession = await createSession(admin.id);

		const result = await deactivatePerson(person.id, admin.id);
		expect(result.ok).toBe(true);
		expect(await validateSessionToken(phone.token)).toBeNull();
		expect(await validateSessionToken(desk.token)).toBeNull();
		expect(await validateSessionToken(adminSession.token)).not.toBeNull();
	});

	it('ends every session when the person changes their password, keeping the new one', async () => {
		const person = await makePerson();
		const phone = await createSession(person.id);
		const desk = await createSession(person.id);

		const changed = await changePassword(person.id, {
			currentPassword: TEST_PASSWORD,
			password: 'a brand new passphrase'
		});
		expect(changed.ok).toBe(true);
		expect(await validateSessionToken(phone.token)).toBeNull();
		expect(await validateSessionToken(desk.token)).toBeNull();
		if (changed.ok) expect(await validateSessionToken(changed.value.token)).not.toBeNull();
	});

	it('refuses a password change with a wrong current password, changing nothing', async () => {
		const person = await makePerson();
		const phone = await createSession(person.id);
		const changed = await changePassword(person.id, {
			currentPassword: 'not my password',
			password: 'a brand new passphrase'
		});
		expect(changed).toEqual({
			ok: false,
			errors: { currentPassword: 'That is not your current password.' }
		});
		expect(await validateSessionToken(phone.token)).not.toBeNull();
	});

	it('ends every session when a password is set through a sign-in link', async () => {
		const person = await makePerson();
		const phone = await createSession(person.id);
		const { token } = await createInvitation(person.id, null);
		expect((await acceptInvitation(token, 'forgot it so reset it')).ok).toBe(true);
		expect(await validateSessionToken(phone.token)).toBeNull();
	});

	it('housekeeping deletes only expired sessions', async () => {
		const person = await makePerson();
		const now = new Date('2026-06-01T12:00:00Z');
		await createSession(person.id, later(now, -INACTIVITY_TIMEOUT_MS - 1000));
		await createSession(person.id, later(now, -DAY_MS));
		expect(await deleteExpiredSessions(now)).toBe(1);
		expect(await db.select().from(sessions)).toHaveLength(1);
	});
});

describe('a page request', () => {
	it('reads the frame around the page with its session, as readPageFrame would', async () => {
		const person = await makePerson();
		const other = await makePerson();
		await updateOrganisationSettings({ name: 'Hanami Works', timeZone: 'Asia/Tokyo' });
		const note = (recipientId: string, readAt: Date | null = null) => ({
			recipientId,
			kind: 'test',
			title: 'A note',
			body: 'Something happened.',
			readAt
		});
		await db
			.insert(notifications)
			.values([note(person.id), note(person.id), note(person.id, new Date()), note(other.id)]);
		const { token } = await createSession(person.id);

		const page = await validateSessionToken(token, new Date(), { withFrame: true });
		expect(page?.frame).toEqual({
			organisationName: 'Hanami Works',
			timeZone: 'Asia/Tokyo',
			unreadCount: 2
		});
		expect(page?.frame).toEqual(await readPageFrame(person.id));
		expect((await validateSessionToken(token))?.frame).toBeUndefined();
	});
});

describe('a session assumed without a read', () => {
	const holds = async (assumed: AssumedSession) => {
		const [row] = await selectRows<{ holds: boolean }>(
			db,
			sql`select ${sessionStillValidCondition(assumed.check)} as holds`
		);
		return row.holds;
	};
	const validated = async () => {
		const person = await makePerson({ roles: ['employee', 'manager'] });
		const created = await createSession(person.id);
		expect(assumeSession(created.token)).toBeNull(); // not validated on this server yet
		await validateSessionToken(created.token);
		const assumed = assumeSession(created.token);
		expect(assumed?.user).toMatchObject({ id: person.id, roles: ['employee', 'manager'] });
		expect(await holds(assumed!)).toBe(true);
		return { person, ...created, assumed: assumed! };
	};

	it('is only what this server validated, under the same secret', async () => {
		const { token, session } = await validated();
		const wrongSecret = `${session.id}.${'a'.repeat(24)}`;
		expect(await validateSessionToken(wrongSecret)).toBeNull();
		expect(assumeSession(wrongSecret)).toBeNull();
		expect(assumeSession(token)).not.toBeNull();
		// Signing out here forgets it at once (another server's sign-out fails
		// sessionStillValidCondition, below).
		await invalidateSession(session.id);
		expect(assumeSession(token)).toBeNull();
	});

	it('stops holding at sign-out, deactivation, a change of roles or of home team', async () => {
		// As when another server signs them out, or housekeeping deletes the session.
		const signedOut = await validated();
		await db.delete(sessions).where(eq(sessions.id, signedOut.session.id));
		expect(await holds(signedOut.assumed)).toBe(false);

		const deactivated = await validated();
		await db
			.update(people)
			.set({ deactivatedAt: new Date() })
			.where(eq(people.id, deactivated.person.id));
		expect(await holds(deactivated.assumed)).toBe(false);

		const demoted = await validated();
		await db.delete(personRoles).where(eq(personRoles.personId, demoted.person.id));
		await db.insert(personRoles).values({ personId: demoted.person.id, role: 'employee' });
		expect(await holds(demoted.assumed)).toBe(false);

		const moved = await validated();
		const elsewhere = await makeTeam();
		await db.update(people).set({ homeTeamId: elsewhere.id }).where(eq(people.id, moved.person.id));
		expect(await holds(moved.assumed)).toBe(false);
	});

	it('is not assumed when activity is due to be written, nor past its expiry', async () => {
		const person = await makePerson();
		const start = new Date('2026-03-01T08:00:00Z');
		const { token } = await createSession(person.id, start);
		await validateSessionToken(token, start);
		expect(assumeSession(token, later(start, ACTIVITY_UPDATE_INTERVAL_MS - 1000))).not.toBeNull();
		expect(assumeSession(token, later(start, ACTIVITY_UPDATE_INTERVAL_MS))).toBeNull();
		expect(assumeSession(token, later(start, INACTIVITY_TIMEOUT_MS))).toBeNull();

		// Near the absolute end: validated (and its activity written) 30 minutes before it, the
		// session may be assumed until that end, not for the hour until activity is due again.
		const lastHalfHour = later(start, ABSOLUTE_LIFETIME_MS - 30 * 60 * 1000);
		for (let day = 13; day * DAY_MS < ABSOLUTE_LIFETIME_MS; day += 13) {
			await validateSessionToken(token, later(start, day * DAY_MS));
		}
		expect(await validateSessionToken(token, lastHalfHour)).not.toBeNull();
		expect(assumeSession(token, later(lastHalfHour, 20 * 60 * 1000))).not.toBeNull();
		expect(assumeSession(token, later(lastHalfHour, 40 * 60 * 1000))).toBeNull();
	});
});

describe('housekeeping', () => {
	it('forgets old sign-in failures but keeps a current block', async () => {
		const { deleteStaleAuthRecords } = await import('../../src/lib/server/auth/housekeeping');
		const { recordFailure, throttleWaitMs } = await import('../../src/lib/server/auth/rate-limit');
		const old = new Date('2026-06-01T08:00:00Z');
		const now = new Date('2026-06-01T12:00:00Z');
		const oldKey = [{ key: 'account:old@example.com', policy: { freeFailures: 5 } }];
		const blockedKey = [{ key: 'account:blocked@example.com', policy: { freeFailures: 1 } }];
		await recordFailure(oldKey, old);
		await recordFailure(blockedKey, now);
		expect(await deleteStaleAuthRecords(now)).toEqual({ sessions: 0, throttles: 1 });
		expect(await throttleWaitMs(blockedKey, now)).toBe(60_000);
	});
});
