import type { RequestSession } from '$lib/server/auth/request-session';

declare global {
	namespace App {
		interface Locals {
			/** Read on first use: see currentSession and requireUser. */
			session: RequestSession;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
