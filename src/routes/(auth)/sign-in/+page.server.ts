import { redirect } from '@sveltejs/kit';
import { safeRedirectPath } from '$lib/domain/redirect';
import { signInSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { currentSession } from '$lib/server/auth/guards';
import { setSessionCookie } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/sign-in';
import { invalid, readForm } from '$lib/server/form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	if (await currentSession()) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const formData = await request.formData();
		const { identifier } = readForm(formData, ['identifier']) as { identifier: string };
		const parsed = parseInput(signInSchema, {
			identifier,
			password: formData.get('password') ?? ''
		});
		// The password is never sent back to the page.
		const values = { identifier };
		if (!parsed.ok) return invalid(parsed.errors, values);

		const result = await signIn({ ...parsed.value, clientAddress: getClientAddress() });
		if (!result.ok && result.reason === 'throttled') {
			const minutes = Math.ceil(result.retryAfterSeconds / 60);
			return invalid(
				{
					form: `Too many failed attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or ask your administrator for a new sign-in link.`
				},
				values,
				429
			);
		}
		if (!result.ok) {
			return invalid(
				{ form: 'That sign-in name and password don’t match. Check both and try again.' },
				values
			);
		}
		const { token, expiresAt } = result.newSession;
		setSessionCookie(cookies, token, expiresAt, url.protocol === 'https:');
		redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	}
};
