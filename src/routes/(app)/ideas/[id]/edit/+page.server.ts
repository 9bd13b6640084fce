import { error, redirect } from '@sveltejs/kit';
import { IDEA_FIELDS, ideaSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireUser } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { getIdeaDetail } from '$lib/server/ideas/detail';
import { editIdea } from '$lib/server/ideas/edit';
import { listTeamChoicesFor } from '$lib/server/org/teams';
import type { Actions, PageServerLoad } from './$types';

async function requireEditableIdea(params: { id: string }) {
	const user = await requireUser();
	const detail = await getIdeaDetail(user, params.id);
	if (!detail) error(404, 'There is no such idea, or it is not shared with you.');
	if (!detail.can.edit) error(403, 'Only the author edits an idea, and only until it is decided.');
	return { user, idea: detail.idea };
}

export const load: PageServerLoad = async ({ params }) => {
	const { idea } = await requireEditableIdea(params);
	return { idea, teams: await listTeamChoicesFor(idea.teamId) };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const { user } = await requireEditableIdea(params);
		const values = readForm(await request.formData(), IDEA_FIELDS);
		const parsed = parseInput(ideaSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		const edited = await editIdea(user, params.id, parsed.value);
		if (!edited.ok) return invalid(edited.errors, values, edited.status);
		redirect(303, `/ideas/${params.id}`);
	}
};
