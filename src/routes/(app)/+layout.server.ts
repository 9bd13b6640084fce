import { currentSession } from '$lib/server/auth/guards';
import { readPageFrame } from '$lib/server/page-frame';
import type { LayoutServerLoad } from './$types';

// Not an access gate (form actions never run it; pages load alongside it): each page checks access.
export const load: LayoutServerLoad = async ({ url }) => {
	// Reading the path makes this load rerun on each navigation, so the bell's unread count stays fresh.
	void url.pathname;
	const valid = await currentSession();
	// A page request reads its frame with the session; after a form action, it is read now.
	const frame = valid?.frame ?? (await readPageFrame(valid?.user.id ?? null));
	return { user: valid?.user ?? null, ...frame };
};
