import { error } from '@sveltejs/kit';
import { localDate } from '$lib/domain/deadline';
import { parseInsightsQuery } from '$lib/domain/insights';
import { requireRole } from '$lib/server/auth/guards';
import { loadRecentDashboard } from '$lib/server/insights/dashboard-cache';
import { sortTeamRows } from '$lib/server/insights/team-table';
import { getOrganisationSettings } from '$lib/server/org/settings';
import type { PageServerLoad } from './$types';

/** Up to this many teams the filter offers them all in a list. */
const TEAM_CHOICES_LIMIT = 60;

export const load: PageServerLoad = async ({ url }) => {
	requireRole('hr', 'admin');
	const settings = await getOrganisationSettings();
	const query = parseInsightsQuery(url.searchParams, localDate(new Date(), settings.timeZone));
	const dashboard = await loadRecentDashboard({ teamId: query.teamId, period: query.period });
	if (!dashboard) error(404, 'There is no such team.');
	const { viewableTeams, ...figures } = dashboard;
	return {
		query,
		dashboard: { ...figures, rows: sortTeamRows(dashboard.rows, query.sort, query.direction) },
		// A list to choose from while it is short enough to read; in a large organisation (a list of
		// thousands made the page half a megabyte) HR goes down the tree from the table instead.
		teamChoices: viewableTeams.length <= TEAM_CHOICES_LIMIT ? viewableTeams : null,
		currentTeam: viewableTeams.find((team) => team.teamId === query.teamId) ?? null
	};
};
