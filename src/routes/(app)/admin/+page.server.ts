import { requireRole } from '$lib/server/auth/guards';
import { countOrganisation } from '$lib/server/org/overview';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireRole('admin');
	return { counts: await countOrganisation(), settings: await getOrganisationSettings() };
};
