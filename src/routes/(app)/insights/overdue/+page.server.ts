import { requireRole } from '$lib/server/auth/guards';
import { listOverdueIdeas } from '$lib/server/ideas/overdue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	await requireRole('hr', 'admin');
	return { overdue: await listOverdueIdeas() };
};
