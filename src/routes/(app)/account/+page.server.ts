import { redirect } from '@sveltejs/kit';
import { changePasswordSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { invalid } from '$lib/server/form';
import { changePassword } from '$lib/server/auth/account';
import { requireUser } from '$lib/server/auth/guards';
import { setSessionCookie } from '$lib/server/auth/session';
import { describePerson } from '$lib/server/org/profile';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = await requireUser();
	return {
		profile: await describePerson(user.id),
		passwordChanged: url.searchParams.has('passwordChanged')
	};
};

export const actions: Actions = {
	changePassword: async ({ request, cookies, url }) => {
		const user = await requireUser();
		const formData = await request.formData();
		const parsed = parseInput(changePasswordSchema, {
			currentPassword: formData.get('currentPassword') ?? '',
			password: formData.get('password') ?? '',
			confirmPassword: formData.get('confirmPassword') ?? ''
		});
		if (!parsed.ok) return invalid(parsed.errors);

		const changed = await changePassword(user.id, parsed.value);
		if (!changed.ok) return invalid(changed.errors);
		setSessionCookie(
			cookies,
			changed.value.token,
			changed.value.expiresAt,
			url.protocol === 'https:'
		);
		redirect(303, '/account?passwordChanged');
	}
};
