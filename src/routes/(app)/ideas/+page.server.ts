import { canSubmitIdeas } from '$lib/domain/roles';
import * as v from 'valibot';
import { waitingDeadlineState } from '$lib/domain/deadline';
import { feedQuerySchema } from '$lib/domain/schemas';
import { requireUser } from '$lib/server/auth/guards';
import { listFeed } from '$lib/server/ideas/feed';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = await requireUser();
	const query = v.parse(feedQuerySchema, Object.fromEntries(url.searchParams));
	const [feed, settings] = await Promise.all([listFeed(user, query), getOrganisationSettings()]);
	const now = new Date();
	return {
		query,
		nextCursor: feed.nextCursor,
		items: feed.items.map((item) => ({
			...item,
			deadline: waitingDeadlineState(item, now, settings.timeZone)
		})),
		canSubmit: canSubmitIdeas(user.roles)
	};
};
