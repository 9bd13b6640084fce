import { shownLength } from '$lib/domain/paging';
import { requireUser } from '$lib/server/auth/guards';
import { getTeamPool } from '$lib/server/recognition/gainsharing';
import type { PageServerLoad } from './$types';

/** Four-week periods per page: half a year. */
const PERIODS_PER_PAGE = 6;

/** A team member sees their own team's gainsharing pool, the latest periods first. */
export const load: PageServerLoad = async ({ url }) => {
	const user = await requireUser();
	const shown = shownLength(url.searchParams.get('periods'), PERIODS_PER_PAGE);
	return {
		pool: await getTeamPool(user.homeTeamId, shown),
		earlierHref: `/gainsharing?periods=${shown + PERIODS_PER_PAGE}`
	};
};
