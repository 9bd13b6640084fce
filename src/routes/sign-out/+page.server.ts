import { redirect } from '@sveltejs/kit';
import { currentSession } from '$lib/server/auth/guards';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST only; a visit to /sign-out just goes home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ cookies, url }) => {
		const valid = await currentSession();
		if (valid) await invalidateSession(valid.session.id);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/sign-in');
	}
};
