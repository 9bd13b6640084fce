import { redirect } from '@sveltejs/kit';
import { listParams, listSearch, pageOf, shownLength } from '$lib/domain/paging';
import { selfApprovalSchema } from '$lib/domain/schemas';
import { matchTeamPaths } from '$lib/domain/team-path';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { listTeamSettings, setSelfApproval } from '$lib/server/org/team-settings';
import type { Actions, PageServerLoad } from './$types';

/** Teams per page: each has its own form, and an administrator looks after every team. */
const PAGE_SIZE = 50;

/** The list as the page was showing it: its search and length, kept across a save. */
function listQuery(url: URL) {
	return {
		search: listSearch(url.searchParams),
		shown: shownLength(url.searchParams.get('show'), PAGE_SIZE)
	};
}

export const load: PageServerLoad = async ({ url }) => {
	const user = await requireRole('manager', 'admin');
	const list = listQuery(url);
	const { search, shown } = list;
	const teams = await listTeamSettings(user);
	const page = pageOf(search ? matchTeamPaths(teams, search) : teams, shown, PAGE_SIZE);
	return {
		teams: page.items,
		total: page.total,
		pageSize: PAGE_SIZE,
		canShowMore: page.canShowMore,
		search,
		/** The list's place, which a save comes back to. */
		shownList: new URLSearchParams(listParams(list, PAGE_SIZE)).toString(),
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
		const back = new URLSearchParams({
			...listParams(listQuery(url), PAGE_SIZE),
			saved: String(values.teamId)
		});
		redirect(303, `/teams?${back}#team-${values.teamId}`);
	}
};
