import { redirect } from '@sveltejs/kit';
import { suggestedTargetDate } from '$lib/domain/deadline';
import { isBelowPageCap } from '$lib/domain/paging';
import { requireRole } from '$lib/server/auth/guards';
import { handleDecisionForm } from '$lib/server/decision-action';
import {
	QUEUE_PAGE_SIZE,
	listQueue,
	queuePageLength,
	type QueueTab
} from '$lib/server/ideas/queue';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = await requireRole('manager');
	const tab: QueueTab = url.searchParams.get('tab') === 'accepted' ? 'accepted' : 'awaiting';
	const shown = queuePageLength(url.searchParams.get('show'));
	const queue = await listQueue(user, new Date(), { tab, shown });
	return {
		queue,
		shown,
		pageSize: QUEUE_PAGE_SIZE,
		// A link past the cap would show the same page again.
		canShowMore: isBelowPageCap(shown, QUEUE_PAGE_SIZE),
		// Accepting from the queue names the author or the manager; anyone else, from the idea page.
		me: { id: user.id, name: user.displayName },
		tab,
		decided: url.searchParams.get('decided'),
		defaultTargetDate: suggestedTargetDate(new Date(), queue.timeZone),
		timeZone: queue.timeZone
	};
};

export const actions: Actions = {
	decide: async ({ request, url }) => {
		const user = await requireRole('manager');
		const formData = await request.formData();
		const failure = await handleDecisionForm(user, formData);
		if (failure) return failure;
		const back = new URLSearchParams({ decided: String(formData.get('ideaId')) });
		for (const kept of ['tab', 'show']) {
			const value = url.searchParams.get(kept);
			if (value) back.set(kept, value);
		}
		redirect(303, `/queue?${back}`);
	}
};
