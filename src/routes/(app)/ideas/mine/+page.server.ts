import { canSubmitIdeas } from '$lib/domain/roles';
import { waitingDeadlineState } from '$lib/domain/deadline';
import { requireUser } from '$lib/server/auth/guards';
import { listMyIdeas } from '$lib/server/ideas/detail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const user = await requireUser();
	const [ideas, { timeZone }] = await Promise.all([listMyIdeas(user), parent()]);
	const now = new Date();
	return {
		canSubmit: canSubmitIdeas(user.roles),
		ideas: ideas.map((idea) => ({
			...idea,
			deadline: waitingDeadlineState(idea, now, timeZone)
		}))
	};
};
