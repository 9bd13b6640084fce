import { isBelowPageCap, listSearch, shownLength } from '$lib/domain/paging';
import { requireRole } from '$lib/server/auth/guards';
import { listPeoplePage, type PersonStatus } from '$lib/server/org/people';
import { listTeamPaths } from '$lib/server/org/teams';
import type { PageServerLoad } from './$types';

const STATUSES: PersonStatus[] = ['active', 'invited', 'deactivated'];
/** People per page: an organisation of 100,000 is searched, not scrolled. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('admin');
	const search = listSearch(url.searchParams);
	const statusParam = url.searchParams.get('status');
	const status = STATUSES.find((value) => value === statusParam);
	const shown = shownLength(url.searchParams.get('show'), PAGE_SIZE);
	const { people, total } = await listPeoplePage({ search: search || undefined, status }, shown);
	const teamPaths = await listTeamPaths([...new Set(people.map((person) => person.homeTeamId))]);
	return {
		people,
		total,
		pageSize: PAGE_SIZE,
		canShowMore: people.length < total && isBelowPageCap(shown, PAGE_SIZE),
		teamPaths: Object.fromEntries(teamPaths),
		search,
		status: status ?? ''
	};
};
