import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { RequestSession } from '$lib/server/auth/request-session';
import { sessionCookieName } from '$lib/server/auth/session';
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
		// postgres.js 3.4.9 reconnects to run queries still queued when its pool ends, and leaves
		// those connections open (seen under load: the process never exited). The HTTP server is
		// closed and the pool ended by now, so whatever still holds the process is such a leak. Here,
		// not in closeDatabase: scripts and test workers close the database and carry on.
		if (opened.kind === 'postgres') setTimeout(() => process.exit(0), 2000).unref();
	});
};

export const handle: Handle = async ({ event, resolve }) => {
	const isHttps = event.url.protocol === 'https:';
	// A signed-in page (not an endpoint, not a redirect) reads the frame around it with its session.
	const { method, headers } = event.request;
	const isPage =
		method === 'GET' &&
		(event.route.id?.startsWith('/(app)/') ?? false) &&
		(event.isDataRequest || (headers.get('accept') ?? '').includes('text/html'));
	event.locals.session = new RequestSession(
		event.cookies.get(sessionCookieName(isHttps)) ?? null,
		event.cookies,
		isHttps,
		isPage
	);

	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
	if (isHttps) {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};
