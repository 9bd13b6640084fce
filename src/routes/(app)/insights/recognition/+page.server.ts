import { requireRole } from '$lib/server/auth/guards';
import { loadRecognitionOverview } from '$lib/server/recognition/hr-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('hr', 'admin');
	return { overview: await loadRecognitionOverview(url.searchParams.get('period')) };
};
