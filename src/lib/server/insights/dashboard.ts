import { localDate } from '../../domain/deadline';
import {
	MIN_GROUP_SIZE,
	deriveFigures,
	emptyCounts,
	periodDays,
	previousPeriod,
	protectSmallGroups,
	ratio,
	type Figures,
	type GroupRow,
	type Period
} from '../../domain/insights';
import { displayTeamPath } from '../../domain/team-path';
import { getOrganisationSettings } from '../org/settings';
import { listTeamTree, type TeamNode } from '../org/teams';
import {
	countByBenefit,
	countByGroup,
	countByWeek,
	listTeamsWithoutIdeasSince,
	type TeamGroups
} from './counts';

const QUIET_DAYS = 30;

export interface TeamRow {
	key: string;
	label: string;
	/** Set when the row is a team one can drill into. */
	teamId: string | null;
	hasSubTeams: boolean;
	people: number;
	figures: Figures;
}

export interface WeekPoint {
	weekStart: string;
	submitted: number;
	decided: number;
	implemented: number;
	onTimeRate: number | null;
}

export interface Dashboard {
	scope: { teamId: string | null; label: string; people: number };
	breadcrumbs: { teamId: string | null; label: string }[];
	/** The whole scope covers fewer than MIN_GROUP_SIZE people: no figure is shown. */
	isSuppressed: boolean;
	period: Period;
	previous: Period;
	figures: Figures;
	previousFigures: Figures;
	weeks: WeekPoint[];
	benefits: { benefitType: string; submitted: number }[];
	quietTeams: { teamId: string; label: string; people: number }[];
	/** Quiet teams too small to name. */
	quietSmallTeams: number;
	rows: TeamRow[];
	other: { label: string; people: number; groupCount: number; figures: Figures } | null;
	isRestSuppressed: boolean;
}

/**
 * HR's dashboard for a team subtree (or the whole organisation) and a period: every figure with the
 * previous period of equal length, the weekly series, the benefit mix, quiet teams, and a breakdown
 * by the next level of teams — all under small-group protection. Reads rollups only (and the live
 * backlog), never the ideas of a person.
 */
export async function loadDashboard(request: {
	teamId: string | null;
	period: Period;
	now?: Date;
}): Promise<Dashboard | null> {
	const now = request.now ?? new Date();
	const [tree, settings] = await Promise.all([listTeamTree(), getOrganisationSettings()]);
	const root = request.teamId ? tree.find((team) => team.id === request.teamId) : undefined;
	if (request.teamId && !root) return null;

	const scopeTeams = root ? subtreeOf(tree, root) : tree;
	const scopeIds = scopeTeams.map((team) => team.id);
	const days = periodDays(request.period);
	const previous = previousPeriod(request.period);

	const breakdown = breakdownGroups(tree, root);
	const scopeGroups: TeamGroups = new Map(scopeIds.map((id) => [id, 'scope']));
	const [current, before, byRow, weeks, benefits] = await Promise.all([
		countByGroup(scopeGroups, request.period, now),
		countByGroup(scopeGroups, previous, now),
		countByGroup(breakdown.groups, request.period, now),
		countByWeek(scopeIds, request.period),
		countByBenefit(scopeIds, request.period)
	]);
	const scopeCounts = current.get('scope') ?? emptyCounts();
	const isSuppressed = scopeCounts.people < MIN_GROUP_SIZE;

	const rows: GroupRow<{ teamId: string | null; hasSubTeams: boolean }>[] = breakdown.rows.map(
		(row) => ({ ...row, counts: byRow.get(row.key) ?? emptyCounts() })
	);
	const protectedRows = protectSmallGroups(rows);
	const quiet = await quietTeams(
		scopeTeams,
		localDate(new Date(now.getTime() - QUIET_DAYS * 86_400_000), settings.timeZone)
	);

	return {
		scope: {
			teamId: root?.id ?? null,
			label: root ? displayTeamPath(root.path) : settings.name,
			people: scopeCounts.people
		},
		breadcrumbs: [
			{ teamId: null, label: settings.name },
			...(root
				? root.pathNames.map((_, index) => {
						const ancestor = tree.find(
							(team) => team.path === root.pathNames.slice(0, index + 1).join('/')
						)!;
						return { teamId: ancestor.id, label: ancestor.name };
					})
				: [])
		],
		isSuppressed,
		period: request.period,
		previous,
		figures: deriveFigures(scopeCounts, days),
		previousFigures: deriveFigures(before.get('scope') ?? emptyCounts(), days),
		weeks: weeks.map((week) => ({
			weekStart: week.weekStart,
			submitted: week.submitted,
			decided: week.decided,
			implemented: week.implemented,
			onTimeRate: ratio(week.dueMet, week.due)
		})),
		benefits,
		quietTeams: quiet.named,
		quietSmallTeams: quiet.smallCount,
		rows: protectedRows.shown.map((row) => ({
			key: row.key,
			label: row.label,
			teamId: row.extra.teamId,
			hasSubTeams: row.extra.hasSubTeams,
			people: row.counts.people,
			figures: deriveFigures(row.counts, days)
		})),
		other: protectedRows.other && {
			label: protectedRows.other.label,
			people: protectedRows.other.counts.people,
			groupCount: protectedRows.other.groupCount,
			figures: deriveFigures(protectedRows.other.counts, days)
		},
		isRestSuppressed: protectedRows.isRestSuppressed
	};
}

function subtreeOf(tree: TeamNode[], root: TeamNode): TeamNode[] {
	return tree.filter(
		(team) =>
			team.pathNames.length >= root.pathNames.length &&
			root.pathNames.every((name, index) => team.pathNames[index] === name)
	);
}

/**
 * The breakdown under a scope: one row per team on the next level (with its whole subtree), plus
 * the people who belong to the scope's own team directly.
 */
function breakdownGroups(tree: TeamNode[], root: TeamNode | undefined) {
	const children = tree.filter((team) => team.parentId === (root?.id ?? null));
	const groups: TeamGroups = new Map();
	const rows: {
		key: string;
		label: string;
		extra: { teamId: string | null; hasSubTeams: boolean };
	}[] = [];
	for (const child of children) {
		for (const team of subtreeOf(tree, child)) groups.set(team.id, child.id);
		rows.push({
			key: child.id,
			label: child.name,
			extra: { teamId: child.id, hasSubTeams: tree.some((team) => team.parentId === child.id) }
		});
	}
	if (root) {
		groups.set(root.id, 'direct');
		rows.push({
			key: 'direct',
			label: `${root.name} (directly)`,
			extra: { teamId: null, hasSubTeams: false }
		});
	}
	return { groups, rows };
}

/** Teams with no idea in 30 days; only teams of at least MIN_GROUP_SIZE people are named. */
async function quietTeams(scopeTeams: TeamNode[], since: string) {
	const quietIds = await listTeamsWithoutIdeasSince(
		scopeTeams.filter((team) => team.memberCount > 0).map((team) => team.id),
		since
	);
	const quiet = scopeTeams.filter((team) => quietIds.has(team.id));
	return {
		named: quiet
			.filter((team) => team.memberCount >= MIN_GROUP_SIZE)
			.map((team) => ({
				teamId: team.id,
				label: displayTeamPath(team.path),
				people: team.memberCount
			})),
		smallCount: quiet.filter((team) => team.memberCount < MIN_GROUP_SIZE).length
	};
}
