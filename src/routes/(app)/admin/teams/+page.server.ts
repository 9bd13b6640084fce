import { redirect } from '@sveltejs/kit';
import { teamSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { createTeam, listTeamTree } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('admin');
	// Only what the list shows: at 2,000 teams every field more is 2,000 more in the page.
	const teams = (await listTeamTree()).map(
		({ id, name, path, depth, memberCount, managerNames }) => ({
			id,
			name,
			path,
			depth,
			memberCount,
			managerNames
		})
	);
	return { teams, changed: url.searchParams.get('changed') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		await requireRole('admin');
		const values = readForm(await request.formData(), ['name', 'parentId']);
		const parsed = parseInput(teamSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		const created = await createTeam(parsed.value);
		if (!created.ok) return invalid(created.errors, values);
		redirect(303, `/admin/teams?changed=${created.value.id}`);
	}
};
