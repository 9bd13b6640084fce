import { redirect } from '@sveltejs/kit';
import { listSearch, pageOf, shownLength } from '$lib/domain/paging';
import { teamNameSchema } from '$lib/domain/schemas';
import { matchTeamPaths } from '$lib/domain/team-path';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { createTeam, findParentTeam, listTeamTree } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

/** Teams per page: an organisation of 2,000 teams is searched, or read a page at a time. */
const PAGE_SIZE = 100;

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('admin');
	const search = listSearch(url.searchParams);
	const tree = await listTeamTree();
	const page = pageOf(
		search ? matchTeamPaths(tree, search) : tree,
		shownLength(url.searchParams.get('show'), PAGE_SIZE),
		PAGE_SIZE
	);
	const changedId = url.searchParams.get('changed');
	return {
		// Only what the list shows: at 2,000 teams every field more is 2,000 more in the page.
		teams: page.items.map(({ id, name, path, depth, memberCount, managerNames }) => ({
			id,
			name,
			path,
			depth,
			memberCount,
			managerNames
		})),
		total: page.total,
		pageSize: PAGE_SIZE,
		canShowMore: page.canShowMore,
		search,
		/** Suggested as the parent of a new team is typed. */
		teamPaths: tree.map((team) => team.path),
		changedPath: tree.find((team) => team.id === changedId)?.path ?? null
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		await requireRole('admin');
		const values = readForm(await request.formData(), ['name', 'parent']);
		const name = parseInput(teamNameSchema, values);
		const parent = await findParentTeam(values.parent as string);
		if (!name.ok || !parent.ok) {
			return invalid(
				{ ...(name.ok ? {} : name.errors), ...(parent.ok ? {} : parent.errors) },
				values
			);
		}
		const created = await createTeam({ name: name.value.name, parentId: parent.value });
		if (!created.ok) return invalid(created.errors, values);
		redirect(303, `/admin/teams?changed=${created.value.id}`);
	}
};
