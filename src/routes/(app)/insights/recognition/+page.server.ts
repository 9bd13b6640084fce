import { requireRole } from '$lib/server/auth/guards';
import { loadRecognitionOverview } from '$lib/server/recognition/hr-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('hr', 'admin');
	const { searchParams } = url;
	return {
		overview: await loadRecognitionOverview(
			searchParams.get('period'),
			new Date(),
			searchParams.get('team')
		)
	};
};
