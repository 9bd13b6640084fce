import { redirect } from '@sveltejs/kit';
import { selfApprovalSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { listTeamSettings, setSelfApproval } from '$lib/server/org/team-settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = await requireRole('manager', 'admin');
	return { teams: await listTeamSettings(user), savedTeamId: url.searchParams.get('saved') };
};

export const actions: Actions = {
	selfApproval: async ({ request }) => {
		const user = await requireRole('manager', 'admin');
		const values = readForm(await request.formData(), ['teamId', 'enabled', 'costLimit']);
		const parsed = parseInput(selfApprovalSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		const saved = await setSelfApproval(user, String(values.teamId), parsed.value.costLimit);
		if (!saved.ok) return invalid(saved.errors, values, saved.status);
		redirect(303, `/teams?saved=${values.teamId}#team-${values.teamId}`);
	}
};
