import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { teamNameField, teamSchema } from '$lib/domain/schemas';
import { isUuid, parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { getTeamForEditing, moveTeam, renameTeam } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

const renameSchema = v.object({ name: teamNameField });
const moveSchema = v.object({ parentId: teamSchema.entries.parentId });

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
		const values = readForm(await request.formData(), ['name']);
		const parsed = parseInput(renameSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'rename' });
		const renamed = await renameTeam(teamIdOf(params), parsed.value.name);
		if (!renamed.ok) return invalid(renamed.errors, { ...values, action: 'rename' });
		redirect(303, `/admin/teams?changed=${renamed.value.id}`);
	},
	move: async ({ request, params }) => {
		await requireRole('admin');
		const values = readForm(await request.formData(), ['parentId']);
		const parsed = parseInput(moveSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'move' });
		const moved = await moveTeam(teamIdOf(params), parsed.value.parentId);
		if (!moved.ok) return invalid(moved.errors, { ...values, action: 'move' });
		redirect(303, `/admin/teams?changed=${moved.value.id}`);
	}
};
