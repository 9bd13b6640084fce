import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { ROLE_LABELS, type Role } from '$lib/domain/roles';
import type { AssumedSession, SessionUser, ValidSession } from './session';

/** The request's session and its person, or null when signed out. */
export function currentSession(): Promise<ValidSession | null> {
	return getRequestEvent().locals.session.read();
}

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(): Promise<SessionUser> {
	const { url, request } = getRequestEvent();
	const valid = await currentSession();
	if (!valid) {
		// After sign-in, come back to the page; a form action's query (?/save) is not a page.
		const back = request.method === 'GET' ? url.pathname + url.search : url.pathname;
		redirect(303, back === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
	}
	return valid.user;
}

/** The signed-in person if they hold at least one of the roles; 403 otherwise. */
export async function requireRole(...roles: Role[]): Promise<SessionUser> {
	const user = await requireUser();
	if (!roles.some((role) => user.roles.includes(role))) {
		const needed = roles.map((role) => ROLE_LABELS[role]).join(' or ');
		error(403, `This page is for the ${needed} role. Ask an administrator if you need it.`);
	}
	return user;
}

/**
 * The signed-in person for one statement that checks the session itself: as last validated on this
 * server, unread, when it can be assumed; `confirm` reads the session as requireUser does, for when
 * that statement refuses (ended since, or simply not what stopped it).
 */
export function assumeUser(): {
	assumed: AssumedSession | null;
	confirm: () => Promise<SessionUser>;
} {
	return { assumed: getRequestEvent().locals.session.assume(), confirm: requireUser };
}
