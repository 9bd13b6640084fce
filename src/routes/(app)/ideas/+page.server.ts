import { canSubmitIdeas } from '$lib/domain/roles';
import * as v from 'valibot';
import { waitingDeadlineState } from '$lib/domain/deadline';
import { feedQuerySchema } from '$lib/domain/schemas';
import { requireUser } from '$lib/server/auth/guards';
import { listFeed } from '$lib/server/ideas/feed';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, parent }) => {
	const user = await requireUser();
	const query = v.parse(feedQuerySchema, Object.fromEntries(url.searchParams));
	// The frame around the page has read the organisation's time zone already.
	const [feed, { timeZone }] = await Promise.all([listFeed(user, query), parent()]);
	const now = new Date();
	return {
		query,
		nextCursor: feed.nextCursor,
		items: feed.items.map((item) => ({
			...item,
			deadline: waitingDeadlineState(item, now, timeZone)
		})),
		canSubmit: canSubmitIdeas(user.roles)
	};
};
