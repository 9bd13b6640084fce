import { requireUser } from '$lib/server/auth/guards';
import { getRecognition } from '$lib/server/recognition/summary';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = await requireUser();
	const settings = await getOrganisationSettings();
	return { recognition: await getRecognition(user), timeZone: settings.timeZone };
};
