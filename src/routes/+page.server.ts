import { redirect } from '@sveltejs/kit';
import { homePathFor } from '$lib/domain/roles';
import { requireUser } from '$lib/server/auth/guards';
import type { PageServerLoad } from './$types';

/** Home: each person goes to where their main role works. */
export const load: PageServerLoad = async () => {
	const user = await requireUser();
	redirect(303, homePathFor(user.roles));
};
