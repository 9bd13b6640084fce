import { canSubmitIdeas } from '$lib/domain/roles';
import { waitingDeadlineState } from '$lib/domain/deadline';
import { requireUser } from '$lib/server/auth/guards';
import { listMyIdeas } from '$lib/server/ideas/detail';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = await requireUser();
	const [ideas, settings] = await Promise.all([listMyIdeas(user), getOrganisationSettings()]);
	const now = new Date();
	return {
		canSubmit: canSubmitIdeas(user.roles),
		ideas: ideas.map((idea) => ({
			...idea,
			deadline: waitingDeadlineState(idea, now, settings.timeZone)
		}))
	};
};
