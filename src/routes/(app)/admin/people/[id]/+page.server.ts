import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guards';
import { invalid } from '$lib/server/form';
import { flashInviteLink, inviteUrl, takeInviteLink } from '$lib/server/invite-link';
import {
	deactivatePerson,
	getPerson,
	reactivatePerson,
	reissueInvitation,
	updatePerson
} from '$lib/server/org/people';
import { personFormValues, readPersonForm, toPersonFormErrors } from '$lib/server/org/person-form';
import { listTeamChoices } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

async function findPersonOr404(id: string) {
	const person = await getPerson(id);
	if (!person) error(404, 'There is no such person.');
	return person;
}

export const load: PageServerLoad = async ({ params, cookies, url }) => {
	await requireRole('admin');
	const person = await findPersonOr404(params.id);
	const [formValues, teams] = await Promise.all([personFormValues(person), listTeamChoices()]);
	return {
		person,
		formValues,
		teamPaths: teams.map((team) => team.path),
		inviteLink: takeInviteLink(cookies, url.pathname),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async ({ params, request, url }) => {
		const admin = await requireRole('admin');
		await findPersonOr404(params.id);
		const { values, parsed } = await readPersonForm(await request.formData());
		if (!parsed.ok) return invalid(parsed.errors, values);
		const updated = await updatePerson(params.id, parsed.value, admin.id);
		if (!updated.ok) return invalid(toPersonFormErrors(updated.errors), values);
		redirect(303, `${url.pathname}?saved`);
	},
	invite: async ({ params, cookies, url }) => {
		const admin = await requireRole('admin');
		await findPersonOr404(params.id);
		const issued = await reissueInvitation(params.id, admin.id);
		if (!issued.ok) return invalid(issued.errors);
		flashInviteLink(
			cookies,
			url.pathname,
			{
				url: inviteUrl(url.origin, issued.value.token),
				expiresAt: issued.value.expiresAt.toISOString()
			},
			url.protocol === 'https:'
		);
		redirect(303, url.pathname);
	},
	deactivate: async ({ params, url }) => {
		const admin = await requireRole('admin');
		await findPersonOr404(params.id);
		const result = await deactivatePerson(params.id, admin.id);
		if (!result.ok) return invalid(result.errors);
		redirect(303, url.pathname);
	},
	reactivate: async ({ params, url }) => {
		await requireRole('admin');
		await findPersonOr404(params.id);
		const result = await reactivatePerson(params.id);
		if (!result.ok) return invalid(result.errors);
		redirect(303, url.pathname);
	}
};
