import { withoutNul } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { listPeople, type PersonStatus } from '$lib/server/org/people';
import { listTeamTree } from '$lib/server/org/teams';
import type { PageServerLoad } from './$types';

const STATUSES: PersonStatus[] = ['active', 'invited', 'deactivated'];

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('admin');
	const search = withoutNul(url.searchParams.get('q') ?? '')
		.trim()
		.slice(0, 100);
	const statusParam = url.searchParams.get('status');
	const status = STATUSES.find((value) => value === statusParam);
	const [people, teams] = await Promise.all([
		listPeople({ search: search || undefined, status }),
		listTeamTree()
	]);
	const teamPaths = Object.fromEntries(teams.map((team) => [team.id, team.path]));
	return { people, teamPaths, search, status: status ?? '' };
};
