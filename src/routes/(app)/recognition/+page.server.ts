import { requireUser } from '$lib/server/auth/guards';
import { getRecognition } from '$lib/server/recognition/summary';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = await requireUser();
	// The time zone comes with the frame around the page.
	return { recognition: await getRecognition(user) };
};
