import { error, redirect } from '@sveltejs/kit';
import { teamNameSchema } from '$lib/domain/schemas';
import { isUuid, parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { findParentTeam, getTeamForEditing, moveTeam, renameTeam } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

/** The team of the URL; a malformed id is a 404 like an unknown one. */
function teamIdOf(params: { id: string }): string {
	if (!isUuid(params.id)) error(404, 'There is no such team.');
	return params.id;
}

export const load: PageServerLoad = async ({ params }) => {
	await requireRole('admin');
	const editing = await getTeamForEditing(params.id);
	if (!editing) error(404, 'There is no such team.');
	return editing;
};

export const actions: Actions = {
	rename: async ({ request, params }) => {
		await requireRole('admin');
		const teamId = teamIdOf(params);
		const values = readForm(await request.formData(), ['name']);
		const parsed = parseInput(teamNameSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'rename' });
		const renamed = await renameTeam(teamId, parsed.value.name);
		if (!renamed.ok) return invalid(renamed.errors, { ...values, action: 'rename' });
		redirect(303, `/admin/teams?changed=${renamed.value.id}`);
	},
	move: async ({ request, params }) => {
		await requireRole('admin');
		const teamId = teamIdOf(params);
		const values = readForm(await request.formData(), ['parent']);
		const parent = await findParentTeam(values.parent as string);
		if (!parent.ok) return invalid(parent.errors, { ...values, action: 'move' });
		const moved = await moveTeam(teamId, parent.value);
		if (!moved.ok) return invalid(moved.errors, { ...values, action: 'move' });
		redirect(303, `/admin/teams?changed=${moved.value.id}`);
	}
};
