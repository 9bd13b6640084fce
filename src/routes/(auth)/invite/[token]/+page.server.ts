import { redirect } from '@sveltejs/kit';
import { newPasswordSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { invalid } from '$lib/server/form';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { acceptInvitation, findInvitation } from '$lib/server/org/invitations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	return { invitation: await findInvitation(params.token) };
};

export const actions: Actions = {
	default: async ({ params, request, cookies, url }) => {
		const formData = await request.formData();
		const parsed = parseInput(newPasswordSchema, {
			password: formData.get('password') ?? '',
			confirmPassword: formData.get('confirmPassword') ?? ''
		});
		if (!parsed.ok) return invalid(parsed.errors);

		const accepted = await acceptInvitation(params.token, parsed.value.password);
		if (!accepted.ok) return invalid(accepted.errors);

		const { token, expiresAt } = await createSession(accepted.value.personId);
		setSessionCookie(cookies, token, expiresAt, url.protocol === 'https:');
		redirect(303, '/');
	}
};
