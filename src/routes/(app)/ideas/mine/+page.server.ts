import { canSubmitIdeas } from '$lib/domain/roles';
import { waitingDeadlineState } from '$lib/domain/deadline';
import { isBelowPageCap, shownLength } from '$lib/domain/paging';
import { requireUser } from '$lib/server/auth/guards';
import { listMyIdeas } from '$lib/server/ideas/detail';
import type { PageServerLoad } from './$types';

/** Ideas per page: most people have shared fewer, and the ones waiting for an answer come first. */
const PAGE_SIZE = 30;

export const load: PageServerLoad = async ({ parent, url }) => {
	const user = await requireUser();
	const shown = shownLength(url.searchParams.get('show'), PAGE_SIZE);
	const [{ ideas, total }, { timeZone }] = await Promise.all([listMyIdeas(user, shown), parent()]);
	const now = new Date();
	return {
		canSubmit: canSubmitIdeas(user.roles),
		ideas: ideas.map((idea) => ({
			...idea,
			deadline: waitingDeadlineState(idea, now, timeZone)
		})),
		total,
		pageSize: PAGE_SIZE,
		canShowMore: ideas.length < total && isBelowPageCap(shown, PAGE_SIZE)
	};
};
