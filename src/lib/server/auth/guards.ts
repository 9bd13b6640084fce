import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { ROLE_LABELS, type Role } from '$lib/domain/roles';
import type { SessionUser } from './session';

/** The signed-in person, or a redirect to the sign-in page that comes back here afterwards. */
export function requireUser(): SessionUser {
	const { locals, url, request } = getRequestEvent();
	if (!locals.user) {
		// After sign-in, come back to the page; a form action's query (?/save) is not a page.
		const back = request.method === 'GET' ? url.pathname + url.search : url.pathname;
		redirect(303, back === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
	}
	return locals.user;
}

/** The signed-in person if they hold at least one of the roles; 403 otherwise. */
export function requireRole(...roles: Role[]): SessionUser {
	const user = requireUser();
	if (!roles.some((role) => user.roles.includes(role))) {
		const needed = roles.map((role) => ROLE_LABELS[role]).join(' or ');
		error(403, `This page is for the ${needed} role. Ask an administrator if you need it.`);
	}
	return user;
}
