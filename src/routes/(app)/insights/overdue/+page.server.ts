import { isBelowPageCap, shownLength } from '$lib/domain/paging';
import { requireRole } from '$lib/server/auth/guards';
import { listOverdueIdeas } from '$lib/server/ideas/overdue';
import type { PageServerLoad } from './$types';

/** Overdue ideas per page: the longest overdue matter most, and there may be thousands. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('hr', 'admin');
	const shown = shownLength(url.searchParams.get('show'), PAGE_SIZE);
	const { ideas, total } = await listOverdueIdeas(shown);
	return {
		overdue: ideas,
		total,
		pageSize: PAGE_SIZE,
		canShowMore: ideas.length < total && isBelowPageCap(shown, PAGE_SIZE)
	};
};
