import { inject } from 'vitest';
import type { E2eRole } from './people';

export type Who = E2eRole | 'anonymous';

/**
 * A request as a browser would send it, signed in as the role's demo person: same origin, HTML
 * accepted (SvelteKit answers `*\/*` form posts as enhanced JSON requests), redirects not followed.
 */
export function request(who: Who, path: string, init: RequestInit = {}): Promise<Response> {
	const baseUrl = inject('baseUrl');
	const headers = new Headers(init.headers);
	headers.set('origin', baseUrl);
	headers.set('accept', 'text/html');
	if (who !== 'anonymous') headers.set('cookie', `teian_session=${inject('sessionTokens')[who]}`);
	return fetch(`${baseUrl}${path}`, { ...init, headers, redirect: 'manual' });
}

/** A plain (non-JavaScript) form post. */
export function postForm(
	who: Who,
	path: string,
	fields: Record<string, string>
): Promise<Response> {
	return request(who, path, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}
