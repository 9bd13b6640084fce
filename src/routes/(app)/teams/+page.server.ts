import { redirect } from '@sveltejs/kit';
import { isBelowPageCap, shownLength } from '$lib/domain/paging';
import { selfApprovalSchema } from '$lib/domain/schemas';
import { matchTeamPaths } from '$lib/domain/team-path';
import { parseInput, withoutNul } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { listTeamSettings, setSelfApproval } from '$lib/server/org/team-settings';
import type { Actions, PageServerLoad } from './$types';

/** Teams per page: each has its own form, and an administrator looks after every team. */
const PAGE_SIZE = 50;

/** The list as the page was showing it: its search and length, kept across a save. */
function listQuery(url: URL) {
	const search = withoutNul(url.searchParams.get('q') ?? '')
		.trim()
		.slice(0, 100);
	return { search, shown: shownLength(url.searchParams.get('show'), PAGE_SIZE) };
}

export const load: PageServerLoad = async ({ url }) => {
	const user = await requireRole('manager', 'admin');
	const { search, shown } = listQuery(url);
	const teams = await listTeamSettings(user);
	const matches = search ? matchTeamPaths(teams, search) : teams;
	return {
		teams: matches.slice(0, shown),
		total: matches.length,
		pageSize: PAGE_SIZE,
		canShowMore: shown < matches.length && isBelowPageCap(shown, PAGE_SIZE),
		search,
		shown,
		savedTeamId: url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	selfApproval: async ({ request, url }) => {
		const user = await requireRole('manager', 'admin');
		const values = readForm(await request.formData(), ['teamId', 'enabled', 'costLimit']);
		const parsed = parseInput(selfApprovalSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		const saved = await setSelfApproval(user, String(values.teamId), parsed.value.costLimit);
		if (!saved.ok) return invalid(saved.errors, values, saved.status);
		const { search, shown } = listQuery(url);
		const back = new URLSearchParams({
			...(search ? { q: search } : {}),
			...(shown > PAGE_SIZE ? { show: String(shown) } : {}),
			saved: String(values.teamId)
		});
		redirect(303, `/teams?${back}#team-${values.teamId}`);
	}
};
