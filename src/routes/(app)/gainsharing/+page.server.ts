import { requireUser } from '$lib/server/auth/guards';
import { getTeamPool } from '$lib/server/recognition/gainsharing';
import type { PageServerLoad } from './$types';

/** A team member sees their own team's gainsharing pool. */
export const load: PageServerLoad = async () => {
	const user = await requireUser();
	return { pool: await getTeamPool(user.homeTeamId) };
};
