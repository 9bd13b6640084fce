import { error } from '@sveltejs/kit';
import { localDate } from '$lib/domain/deadline';
import { parseInsightsQuery } from '$lib/domain/insights';
import { requireRole } from '$lib/server/auth/guards';
import { loadRecentDashboard } from '$lib/server/insights/dashboard-cache';
import { sortTeamRows } from '$lib/server/insights/team-table';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, parent }) => {
	await requireRole('hr', 'admin');
	const { timeZone } = await parent();
	const query = parseInsightsQuery(url.searchParams, localDate(new Date(), timeZone));
	const dashboard = await loadRecentDashboard({ teamId: query.teamId, period: query.period });
	if (!dashboard) error(404, 'There is no such team.');
	return {
		query,
		dashboard: { ...dashboard, rows: sortTeamRows(dashboard.rows, query.sort, query.direction) }
	};
};
