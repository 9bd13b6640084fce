import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { invalid } from '$lib/server/form';
import { flashInviteLink, inviteUrl } from '$lib/server/invite-link';
import { createPerson } from '$lib/server/org/people';
import { readPersonForm, toPersonFormErrors } from '$lib/server/org/person-form';
import { listTeamChoices } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireRole('admin');
	return { teamPaths: (await listTeamChoices()).map((team) => team.path) };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const admin = await requireRole('admin');
		const { values, parsed } = await readPersonForm(await request.formData());
		if (!parsed.ok) return invalid(parsed.errors, values);

		const created = await createPerson(parsed.value, admin.id);
		if (!created.ok) return invalid(toPersonFormErrors(created.errors), values);

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
