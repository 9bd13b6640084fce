import { requireUser } from '$lib/server/auth/guards';
import { getTeamWall } from '$lib/server/recognition/wall';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = await requireUser();
	return { wall: await getTeamWall(user) };
};
