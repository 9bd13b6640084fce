import { getOrganisationSettings } from '$lib/server/org/settings';
import type { LayoutServerLoad } from './$types';

// Not an access gate (layouts don't rerun on every navigation): each page checks access itself.
export const load: LayoutServerLoad = async ({ locals }) => {
	const settings = await getOrganisationSettings();
	return { user: locals.user, organisationName: settings.name, timeZone: settings.timeZone };
};
