import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import {
	deleteSessionCookie,
	sessionCookieName,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { prepareDemoOnFirstStart } from '$lib/server/demo/first-start';
import { startBackgroundJobs } from '$lib/server/background-jobs';

export const init: ServerInit = async () => {
	if (building) return;
	const opened = await openDatabase();
	await prepareDemoOnFirstStart(opened.kind);
	const stopBackgroundJobs = startBackgroundJobs();
	process.once('sveltekit:shutdown', async () => {
		stopBackgroundJobs();
		await closeDatabase();
		// postgres.js 3.4 reconnects to run queries still queued when the pool closes, and leaves
		// those connections open (seen under load: the process never exited). The HTTP server is
		// closed and the pool ended by now, so whatever still holds the process is such a leak.
		setTimeout(() => process.exit(0), 2000).unref();
	});
};

// Page modules, loaded on demand, to tell a page with named form actions from one with a default.
const pageServerModules = import.meta.glob<{ actions?: Record<string, unknown> }>(
	'./routes/**/+page.server.ts'
);

/**
 * SvelteKit answers a POST without `?/name` to a page with only named actions by throwing (a 500).
 * That is a malformed request, not a server fault: it gets a 400 instead.
 */
async function isUnnamedActionPost(event: Parameters<Handle>[0]['event']): Promise<boolean> {
	if (event.request.method !== 'POST' || !event.route.id) return false;
	if ([...event.url.searchParams.keys()].some((key) => key.startsWith('/'))) return false;
	const load =
		pageServerModules[`./routes${event.route.id === '/' ? '' : event.route.id}/+page.server.ts`];
	const actions = load ? (await load()).actions : undefined;
	return Boolean(actions) && !('default' in actions!);
}

export const handle: Handle = async ({ event, resolve }) => {
	if (await isUnnamedActionPost(event)) {
		return new Response('This page has several forms: the request did not say which one.', {
			status: 400,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	const isHttps = event.url.protocol === 'https:';
	const token = event.cookies.get(sessionCookieName(isHttps)) ?? null;
	event.locals.user = null;
	event.locals.session = null;
	if (token) {
		const valid = await validateSessionToken(token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = valid.session;
			// Sliding expiry: each use pushes the cookie's end date as far as the session allows.
			setSessionCookie(event.cookies, token, valid.expiresAt, isHttps);
		} else {
			deleteSessionCookie(event.cookies, isHttps);
		}
	}

	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
	if (isHttps) {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};
