import { redirect } from '@sveltejs/kit';
import { parseApprovalBands, settingsSchema, type ApprovalBandsForm } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guards';
import { invalid, readForm } from '$lib/server/form';
import { listApprovalBands, saveApprovalBands } from '$lib/server/ideas/approval';
import { getOrganisationSettings, updateOrganisationSettings } from '$lib/server/org/settings';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	await requireRole('admin');
	return {
		settings: await getOrganisationSettings(),
		bands: await listApprovalBands(),
		timeZones: Intl.supportedValuesOf('timeZone'),
		saved: url.searchParams.has('saved'),
		reroutedIdeas: url.searchParams.has('bandsSaved')
			? Number(url.searchParams.get('bandsSaved')) || 0
			: null
	};
};

export const actions: Actions = {
	settings: async ({ request }) => {
		await requireRole('admin');
		const values = readForm(await request.formData(), [
			'name',
			'decisionDeadlineDays',
			'timeZone',
			'ideaVisibility',
			'gainsharingPercent'
		]);
		const parsed = parseInput(settingsSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'settings' });
		await updateOrganisationSettings(parsed.value);
		redirect(303, '/admin/settings?saved');
	},
	bands: async ({ request }) => {
		const admin = await requireRole('admin');
		const values = readForm(
			await request.formData(),
			['topApproverLevel'],
			['maxCost', 'approverLevel']
		) as unknown as ApprovalBandsForm;
		const parsed = parseApprovalBands(values);
		if (!parsed.ok) return invalid(parsed.errors, { ...values, action: 'bands' });
		const saved = await saveApprovalBands(parsed.value, admin.id);
		if (!saved.ok) return invalid(saved.errors, { ...values, action: 'bands' }, saved.status);
		redirect(303, `/admin/settings?bandsSaved=${saved.value.rerouted}#bands`);
	}
};
