import { readPageFrame } from '$lib/server/page-frame';
import type { LayoutServerLoad } from './$types';

// Not an access gate (form actions never run it; pages load alongside it): each page checks access.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	// Reading the path makes this load rerun on each navigation, so the bell's unread count stays fresh.
	void url.pathname;
	const frame = await readPageFrame(locals.user?.id ?? null);
	return { user: locals.user, ...frame };
};
