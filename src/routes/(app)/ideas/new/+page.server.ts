import { redirect } from '@sveltejs/kit';
import { IDEA_FIELDS, ideaSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { submitIdea } from '$lib/server/ideas/submit';
import { getOrganisationSettings } from '$lib/server/org/settings';
import { listTeamChoicesFor } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

// No framework code in the browser on this page: it is the one opened on a phone on the shop floor,
// often first, and it is a form that works without JavaScript. Its extras (similar ideas, photo
// preview and resizing) are a small plain script; Svelte's and SvelteKit's runtimes would be 35 kB.
export const csr = false;

export const load: PageServerLoad = async () => {
	const user = await requireRole('employee');
	const [teams, settings] = await Promise.all([
		listTeamChoicesFor(user.homeTeamId),
		getOrganisationSettings()
	]);
	return { teams, homeTeamId: user.homeTeamId, deadlineDays: settings.decisionDeadlineDays };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const user = await requireRole('employee');
		const formData = await request.formData();
		const values = readForm(formData, IDEA_FIELDS);
		const parsed = parseInput(ideaSchema, values);
		const photo = formData.get('photo');
		const photoBytes =
			photo instanceof File && photo.size > 0 ? new Uint8Array(await photo.arrayBuffer()) : null;
		if (!parsed.ok) return invalid(parsed.errors, values);

		const submitted = await submitIdea(user, parsed.value, photoBytes);
		if (!submitted.ok) return invalid(submitted.errors, values, submitted.status);
		redirect(303, `/ideas/${submitted.value.ideaId}?submitted`);
	}
};
