import type { Cookies } from '@sveltejs/kit';
import {
	assumeSession,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken,
	type AssumedSession,
	type ValidSession
} from './session';

/**
 * The session a request's cookie names. It is read from the database when something first asks
 * (a page or an action calling requireUser, say), once, and kept for the rest of the request; a
 * request nothing asks about, such as a stylesheet or the sign-in page, reads nothing.
 */
export class RequestSession {
	#read: Promise<ValidSession | null> | undefined;

	constructor(
		private readonly token: string | null,
		private readonly cookies: Cookies,
		private readonly isHttps: boolean,
		/** The request is for a page: read the frame around it with the session. */
		private readonly isPage: boolean
	) {}

	/**
	 * The session and its person, or null when signed out (an ended session's cookie goes). Await it
	 * before a load or action returns: it may set the cookie, which SvelteKit allows only until the
	 * response starts (so not from a streamed promise).
	 */
	read(): Promise<ValidSession | null> {
		this.#read ??= this.#validate();
		return this.#read;
	}

	async #validate(): Promise<ValidSession | null> {
		if (!this.token) return null;
		const valid = await validateSessionToken(this.token, new Date(), { withFrame: this.isPage });
		if (valid) {
			// Sliding expiry: each use pushes the cookie's end date as far as the session allows.
			setSessionCookie(this.cookies, this.token, valid.expiresAt, this.isHttps);
		} else {
			deleteSessionCookie(this.cookies, this.isHttps);
		}
		return valid;
	}

	/**
	 * The session as this server last validated it, without a read: for one statement that checks
	 * it is still valid itself (see assumeSession). Null when there is none to assume.
	 */
	assume(): AssumedSession | null {
		return this.token && !this.#read ? assumeSession(this.token) : null;
	}
}
