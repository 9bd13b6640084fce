import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { teamNameField, teamSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { createTeam, listTeamTree, moveTeam, renameTeam } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

const teamIdField = v.pipe(v.string('Choose a team.'), v.uuid('Choose a team.'));
const renameSchema = v.object({ teamId: teamIdField, name: teamNameField });
const moveSchema = v.object({ teamId: teamIdField, parentId: teamSchema.entries.parentId });

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('admin');
	return { teams: await listTeamTree(), changed: url.searchParams.get('changed') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		await requireRole('admin');
		const values = readForm(await request.formData(), ['name', 'parentId']);
		const parsed = parseInput(teamSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'create' });
		const created = await createTeam(parsed.value);
		if (!created.ok) return invalid(created.errors, { ...values, action: 'create' });
		redirect(303, `/admin/teams?changed=${created.value.id}`);
	},
	rename: async ({ request }) => {
		await requireRole('admin');
		const values = readForm(await request.formData(), ['teamId', 'name']);
		const parsed = parseInput(renameSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'rename' });
		const renamed = await renameTeam(parsed.value.teamId, parsed.value.name);
		if (!renamed.ok) return invalid(renamed.errors, { ...values, action: 'rename' });
		redirect(303, `/admin/teams?changed=${renamed.value.id}`);
	},
	move: async ({ request }) => {
		await requireRole('admin');
		const values = readForm(await request.formData(), ['teamId', 'parentId']);
		const parsed = parseInput(moveSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'move' });
		const moved = await moveTeam(parsed.value.teamId, parsed.value.parentId);
		if (!moved.ok) return invalid(moved.errors, { ...values, action: 'move' });
		redirect(303, `/admin/teams?changed=${moved.value.id}`);
	}
};
