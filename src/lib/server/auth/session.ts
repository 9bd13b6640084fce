import type { Cookies } from '@sveltejs/kit';
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Role } from '../../domain/roles';
import { db, preparedQuery, type DatabaseOrTransaction } from '../db';
import { people, personRoles, sessions, type Session } from '../db/schema';
import { generateSecureRandomString, hashSecret, secretMatchesHash, splitToken } from './tokens';

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A session ends after this long without use… */
export const INACTIVITY_TIMEOUT_MS = 14 * DAY_MS;
/** …and in any case this long after sign-in, however busy it is. */
export const ABSOLUTE_LIFETIME_MS = 60 * DAY_MS;
/** Activity is written at most this often, so reading a page is not a write every time. */
export const ACTIVITY_UPDATE_INTERVAL_MS = 60 * MINUTE_MS;

export interface SessionUser {
	id: string;
	displayName: string;
	email: string | null;
	employeeNumber: string | null;
	homeTeamId: string;
	roles: Role[];
}

export interface ValidSession {
	session: Session;
	user: SessionUser;
	/** When the cookie should expire: the earlier of the inactivity and the absolute limit. */
	expiresAt: Date;
}

export interface NewSession {
	token: string;
	session: Session;
	expiresAt: Date;
}

export function sessionExpiresAt(session: Pick<Session, 'createdAt' | 'lastActiveAt'>): Date {
	return new Date(
		Math.min(
			session.lastActiveAt.getTime() + INACTIVITY_TIMEOUT_MS,
			session.createdAt.getTime() + ABSOLUTE_LIFETIME_MS
		)
	);
}

/** Starts a session for a person. Every sign-in gets a new token; old ones are never reused. */
export async function createSession(
	personId: string,
	now = new Date(),
	tx: DatabaseOrTransaction = db
): Promise<NewSession> {
	const id = generateSecureRandomString();
	const secret = generateSecureRandomString();
	const [session] = await tx
		.insert(sessions)
		.values({ id, secretHash: hashSecret(secret), personId, createdAt: now, lastActiveAt: now })
		.returning();
	return { token: `${id}.${secret}`, session, expiresAt: sessionExpiresAt(session) };
}

/** A session with its person and their roles, by session id (every request reads it). */
const sessionWithPerson = preparedQuery((database) =>
	database
		.select({
			session: sessions,
			user: {
				id: people.id,
				displayName: people.displayName,
				email: people.email,
				employeeNumber: people.employeeNumber,
				homeTeamId: people.homeTeamId,
				roles: sql<Role[]>`coalesce(
					(select array_agg(${personRoles.role}::text order by ${personRoles.role})
					 from ${personRoles} where ${personRoles.personId} = ${people.id}),
					'{}')`
			}
		})
		.from(sessions)
		.innerJoin(people, and(eq(people.id, sessions.personId), isNull(people.deactivatedAt)))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare('session_with_person')
);

/**
 * Returns the session and its person when the token is genuine, unexpired and the person is active;
 * slides the inactivity window forward. Expired sessions are deleted on sight.
 */
export async function validateSessionToken(
	token: string,
	now = new Date()
): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;

	const [row] = await sessionWithPerson().execute({ id: parts.id });
	if (!row || !secretMatchesHash(parts.secret, row.session.secretHash)) return null;

	let session = row.session;
	if (now >= sessionExpiresAt(session)) {
		await invalidateSession(session.id);
		return null;
	}
	if (now.getTime() - session.lastActiveAt.getTime() >= ACTIVITY_UPDATE_INTERVAL_MS) {
		session = { ...session, lastActiveAt: now };
		await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, session.id));
	}
	return { session, user: row.user, expiresAt: sessionExpiresAt(session) };
}

export async function invalidateSession(sessionId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a person: on deactivation and on every password change. */
export async function invalidateAllSessions(
	personId: string,
	tx: DatabaseOrTransaction = db
): Promise<void> {
	await tx.delete(sessions).where(eq(sessions.personId, personId));
}

/** Housekeeping: removes sessions past either limit. Returns how many were deleted. */
export async function deleteExpiredSessions(now = new Date()): Promise<number> {
	const deleted = await db
		.delete(sessions)
		.where(
			or(
				lte(sessions.lastActiveAt, new Date(now.getTime() - INACTIVITY_TIMEOUT_MS)),
				lte(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_LIFETIME_MS))
			)
		)
		.returning({ id: sessions.id });
	return deleted.length;
}

/** Over https the cookie is Secure and `__Host-` prefixed, which pins it to this exact origin. */
export function sessionCookieName(isHttps: boolean): string {
	return isHttps ? '__Host-teian_session' : 'teian_session';
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	isHttps: boolean
): void {
	cookies.set(sessionCookieName(isHttps), token, {
		httpOnly: true,
		sameSite: 'lax',
		secure: isHttps,
		path: '/',
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, isHttps: boolean): void {
	cookies.delete(sessionCookieName(isHttps), { path: '/', secure: isHttps });
}
