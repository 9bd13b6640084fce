import { redirect } from '@sveltejs/kit';
import { settingsSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { getOrganisationSettings, updateOrganisationSettings } from '$lib/server/org/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('admin');
	return {
		settings: await getOrganisationSettings(),
		timeZones: Intl.supportedValuesOf('timeZone'),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ request }) => {
		requireRole('admin');
		const values = readForm(await request.formData(), [
			'name',
			'decisionDeadlineDays',
			'timeZone',
			'ideaVisibility',
			'gainsharingPercent'
		]);
		const parsed = parseInput(settingsSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		await updateOrganisationSettings(parsed.value);
		redirect(303, '/admin/settings?saved');
	}
};
