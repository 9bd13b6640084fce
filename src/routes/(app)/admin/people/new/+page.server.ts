import { redirect } from '@sveltejs/kit';
import { PERSON_FIELDS, PERSON_LIST_FIELDS, personSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { flashInviteLink, inviteUrl } from '$lib/server/invite-link';
import { createPerson } from '$lib/server/org/people';
import { listTeamTree } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireRole('admin');
	return { teams: await listTeamTree() };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const admin = await requireRole('admin');
		const values = readForm(await request.formData(), PERSON_FIELDS, PERSON_LIST_FIELDS);
		const parsed = parseInput(personSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);

		const created = await createPerson(parsed.value, admin.id);
		if (!created.ok) return invalid(created.errors, values);

		const { personId, invitation } = created.value;
		const pagePath = `/admin/people/${personId}`;
		flashInviteLink(
			cookies,
			pagePath,
			{
				url: inviteUrl(url.origin, invitation.token),
				expiresAt: invitation.expiresAt.toISOString()
			},
			url.protocol === 'https:'
		);
		redirect(303, pagePath);
	}
};
