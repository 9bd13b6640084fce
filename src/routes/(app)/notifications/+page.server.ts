import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guards';
import { listNotifications, markAllRead, markRead } from '$lib/server/notify/in-app';
import type { Actions, PageServerLoad } from './$types';

const LIST_LIMIT = 100;

export const load: PageServerLoad = async () => {
	const user = await requireUser();
	return { notifications: await listNotifications(user.id, { limit: LIST_LIMIT }) };
};

export const actions: Actions = {
	read: async ({ request }) => {
		const user = await requireUser();
		const id = (await request.formData()).get('id');
		// Someone else's or an unknown id changes nothing; the page simply shows the current state.
		if (typeof id === 'string') await markRead(user.id, id);
		redirect(303, '/notifications');
	},
	readAll: async () => {
		const user = await requireUser();
		await markAllRead(user.id);
		redirect(303, '/notifications');
	}
};
