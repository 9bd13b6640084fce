import { countUnread } from '$lib/server/notify/in-app';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { LayoutServerLoad } from './$types';

// Not an access gate (form actions never run it; pages load alongside it): each page checks access.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Reading the path makes this load rerun on each navigation, so the bell's unread count stays fresh.
	void url.pathname;
	const [settings, unreadCount] = await Promise.all([
		getOrganisationSettings(),
		locals.user ? countUnread(locals.user.id) : 0
	]);
	return {
		user: locals.user,
		organisationName: settings.name,
		timeZone: settings.timeZone,
		unreadCount
	};
};
