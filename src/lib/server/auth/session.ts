import type { Cookies } from '@sveltejs/kit';
import { and, eq, isNull, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, SelectedFields } from 'drizzle-orm/pg-core';
import type { Role } from '../../domain/roles';
import { db, preparedQuery, type Database, type DatabaseOrTransaction } from '../db';
import { pageFrameColumns, type PageFrame } from '../page-frame';
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
	/** The frame around a page, when asked for with the session. */
	frame?: PageFrame;
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

/** A person's roles as a sorted text array: what a session knows them by. */
const rolesOf = (personId: SQL | AnyPgColumn) =>
	sql<Role[]>`coalesce(
		(select array_agg(${personRoles.role}::text order by ${personRoles.role})
		 from ${personRoles} where ${personRoles.personId} = ${personId}),
		'{}')`;

/** A session with its person and their roles, by session id (every request reads it)… */
function sessionWithPerson<Extra extends SelectedFields>(
	database: Database,
	name: string,
	extra: Extra
) {
	return database
		.select({
			session: sessions,
			user: {
				id: people.id,
				displayName: people.displayName,
				email: people.email,
				employeeNumber: people.employeeNumber,
				homeTeamId: people.homeTeamId,
				roles: rolesOf(people.id)
			},
			...extra
		})
		.from(sessions)
		.innerJoin(people, and(eq(people.id, sessions.personId), isNull(people.deactivatedAt)))
		.where(eq(sessions.id, sql.placeholder('id')))
		.prepare(name);
}

const sessionAlone = preparedQuery((database) =>
	sessionWithPerson(database, 'session_with_person', {})
);

/** …and, for a page, with the frame around it, so the page costs no read of its own for that. */
const sessionWithFrame = preparedQuery((database) =>
	sessionWithPerson(database, 'session_with_person_and_frame', {
		frame: pageFrameColumns(sessions.personId)
	})
);

/**
 * Returns the session and its person when the token is genuine, unexpired and the person is active;
 * slides the inactivity window forward. Expired sessions are deleted on sight.
 */
export async function validateSessionToken(
	token: string,
	now = new Date(),
	{ withFrame = false } = {}
): Promise<ValidSession | null> {
	const parts = splitToken(token);
	if (!parts) return null;

	const [row]: { session: Session; user: SessionUser; frame?: PageFrame }[] = withFrame
		? await sessionWithFrame().execute({ id: parts.id })
		: await sessionAlone().execute({ id: parts.id });
	if (!row || !secretMatchesHash(parts.secret, row.session.secretHash)) return null;

	let session = row.session;
	if (now >= sessionExpiresAt(session)) {
		await invalidateSession(session.id);
		return null;
	}
	if (isActivityDue(session, now)) {
		session = { ...session, lastActiveAt: now };
		await db.update(sessions).set({ lastActiveAt: now }).where(eq(sessions.id, session.id));
	}
	const valid: ValidSession = { session, user: row.user, expiresAt: sessionExpiresAt(session) };
	remember(valid);
	return row.frame ? { ...valid, frame: row.frame } : valid;
}

const isActivityDue = (session: Session, now: Date) =>
	now.getTime() - session.lastActiveAt.getTime() >= ACTIVITY_UPDATE_INTERVAL_MS;

/**
 * Sessions this server validated lately, by session id: what a statement may assume and check for
 * itself (see assumeSession). Only an assumption: nothing is let in on its strength alone.
 */
const recentlyValid = new Map<string, ValidSession>();
const RECENTLY_VALID_KEPT = 20_000;

function remember(valid: ValidSession): void {
	const { session, user, expiresAt } = valid;
	recentlyValid.delete(session.id); // re-inserted last: the oldest entries go first
	recentlyValid.set(session.id, { session, user, expiresAt });
	if (recentlyValid.size > RECENTLY_VALID_KEPT) {
		recentlyValid.delete(recentlyValid.keys().next().value!);
	}
}

/** A session as last validated here, for a statement that checks it is still so (see below). */
export interface AssumedSession {
	user: SessionUser;
	/** What `sessionStillValidCondition` checks against. */
	check: SessionCheck;
}

/** A session as it was validated: its id, and its person's id, home team and roles. */
export interface SessionCheck {
	sessionId: string;
	personId: string;
	homeTeamId: string;
	/** The person's sorted roles as a PostgreSQL text array literal, e.g. `{employee,manager}`. */
	roles: string;
}

/**
 * The token's session as this server last validated it, when that needs no write now: not expired
 * and no activity due (expiry is known here: a session's start never changes, and its last activity
 * only moves later). It costs no read; a statement that relies on it must include
 * `sessionStillValidCondition` of its `check`, which catches sign-out, deactivation, a password
 * change and any change of roles or home team, on any server. The secret is checked against the
 * hash validated then, which never changes.
 */
export function assumeSession(token: string, now = new Date()): AssumedSession | null {
	const parts = splitToken(token);
	const valid = parts && recentlyValid.get(parts.id);
	if (!valid || !secretMatchesHash(parts.secret, valid.session.secretHash)) return null;
	if (now >= valid.expiresAt || isActivityDue(valid.session, now)) return null;
	const { user, session } = valid;
	const check: SessionCheck = {
		sessionId: session.id,
		personId: user.id,
		homeTeamId: user.homeTeamId,
		roles: `{${user.roles.join(',')}}`
	};
	return { user, check };
}

/**
 * True, in SQL, while the session exists and its person is active with the same roles and home
 * team; the values may be placeholders of a prepared statement.
 */
export function sessionStillValidCondition(check: {
	[K in keyof SessionCheck]: SessionCheck[K] | Placeholder;
}): SQL {
	return sql`exists (select 1 from ${sessions} join ${people}
		on ${people.id} = ${sessions.personId} and ${people.deactivatedAt} is null
		where ${sessions.id} = ${check.sessionId} and ${people.id} = ${check.personId}
			and ${people.homeTeamId} = ${check.homeTeamId}
			and ${rolesOf(people.id)} = ${check.roles}::text[])`;
}

export async function invalidateSession(sessionId: string): Promise<void> {
	recentlyValid.delete(sessionId);
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a person: on deactivation and on every password change. */
export async function invalidateAllSessions(
	personId: string,
	tx: DatabaseOrTransaction = db
): Promise<void> {
	for (const [id, valid] of recentlyValid) {
		if (valid.user.id === personId) recentlyValid.delete(id);
	}
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
