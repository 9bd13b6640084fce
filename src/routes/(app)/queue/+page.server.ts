import { redirect } from '@sveltejs/kit';
import { suggestedTargetDate } from '$lib/domain/deadline';
import { requireRole } from '$lib/server/auth/guards';
import { handleDecisionForm } from '$lib/server/decision-action';
import { listQueue } from '$lib/server/ideas/queue';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireRole('manager');
	const [queue, settings] = await Promise.all([listQueue(user), getOrganisationSettings()]);
	return {
		queue,
		// Accepting from the queue names the author or the manager; anyone else, from the idea page.
		me: { id: user.id, name: user.displayName },
		tab: url.searchParams.get('tab') === 'accepted' ? 'accepted' : 'awaiting',
		decided: url.searchParams.get('decided'),
		defaultTargetDate: suggestedTargetDate(new Date(), settings.timeZone),
		timeZone: settings.timeZone
	};
};

export const actions: Actions = {
	decide: async ({ request, url }) => {
		const user = requireRole('manager');
		const formData = await request.formData();
		const failure = await handleDecisionForm(user, formData);
		if (failure) return failure;
		const tab = url.searchParams.get('tab') === 'accepted' ? '&tab=accepted' : '';
		redirect(303, `/queue?decided=${encodeURIComponent(String(formData.get('ideaId')))}${tab}`);
	}
};
