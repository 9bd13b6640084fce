import { error } from '@sveltejs/kit';
import { localDate } from '$lib/domain/deadline';
import { parseInsightsQuery } from '$lib/domain/insights';
import { requireRole } from '$lib/server/auth/guards';
import { loadRecentDashboard } from '$lib/server/insights/dashboard-cache';
import { sortTeamRows, teamTableCsv, weeklySeriesCsv } from '$lib/server/insights/team-table';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { RequestHandler } from './$types';

/** /insights/export/teams.csv and /insights/export/weeks.csv, with the dashboard's filters. */
export const GET: RequestHandler = async ({ params, url }) => {
	await requireRole('hr', 'admin');
	if (params.table !== 'teams.csv' && params.table !== 'weeks.csv') error(404, 'No such export.');
	const settings = await getOrganisationSettings();
	const query = parseInsightsQuery(url.searchParams, localDate(new Date(), settings.timeZone));
	const dashboard = await loadRecentDashboard({ teamId: query.teamId, period: query.period });
	if (!dashboard) error(404, 'There is no such team.');
	const body =
		params.table === 'teams.csv'
			? teamTableCsv({
					...dashboard,
					rows: sortTeamRows(dashboard.rows, query.sort, query.direction)
				})
			: weeklySeriesCsv(dashboard);
	const name = `teian-${params.table.replace('.csv', '')}-${query.period.from}-to-${query.period.to}.csv`;
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};
