import { localDate } from '../../domain/deadline';
import {
	MIN_GROUP_SIZE,
	deriveFigures,
	emptyCounts,
	periodDays,
	previousPeriod,
	protectSmallGroups,
	ratio,
	viewableTeamIds,
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

/** Up to this many teams the dashboard's filter lists them all. */
const TEAM_CHOICES_LIMIT = 60;

export interface Dashboard {
	scope: { teamId: string | null; label: string; people: number };
	breadcrumbs: { teamId: string | null; label: string }[];
	/**
	 * The scope covers fewer than MIN_GROUP_SIZE people, or could be subtracted from a view that is
	 * shown: then no figure leaves the server (figures are null, lists empty).
	 */
	isSuppressed: boolean;
	period: Period;
	previous: Period;
	figures: Figures | null;
	previousFigures: Figures | null;
	weeks: WeekPoint[];
	benefits: { benefitType: string; submitted: number }[];
	quietTeams: { teamId: string; label: string; people: number }[];
	/**
	 * The teams HR may open on their own, offered as a filter while the list is short enough to
	 * read; null in a large organisation (thousands of options made the page half a megabyte),
	 * where HR goes down the tree from the table instead.
	 */
	teamChoices: { teamId: string; label: string }[] | null;
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

	const viewable = viewableTeamIds(
		tree.map((team) => ({ id: team.id, parentId: team.parentId, people: team.memberCount }))
	);
	const scopeTeams = root ? subtreeOf(tree, root) : tree;
	const scopeIds = scopeTeams.map((team) => team.id);
	const days = periodDays(request.period);
	const today = localDate(now, settings.timeZone);
	const previous = previousPeriod(request.period);

	const breakdown = breakdownGroups(tree, root);
	const scopeGroups: TeamGroups = new Map(scopeIds.map((id) => [id, 'scope']));
	const [current, before, byRow, weeks, benefits] = await Promise.all([
		countByGroup(scopeGroups, request.period, now, today),
		countByGroup(scopeGroups, previous, now, today),
		countByGroup(breakdown.groups, request.period, now, today),
		countByWeek(scopeIds, request.period, today),
		countByBenefit(scopeIds, request.period)
	]);
	const scopeCounts = current.get('scope') ?? emptyCounts();
	const isSuppressed =
		scopeCounts.people < MIN_GROUP_SIZE || (root !== undefined && !viewable.has(root.id));

	const rows: GroupRow<{ teamId: string | null; hasSubTeams: boolean }>[] = breakdown.rows.map(
		(row) => ({ ...row, counts: byRow.get(row.key) ?? emptyCounts() })
	);
	const protectedRows = protectSmallGroups(rows);
	const quiet = await quietTeams(
		tree,
		scopeTeams.filter((team) => viewable.has(team.id) && team.id !== root?.id),
		localDate(new Date(now.getTime() - QUIET_DAYS * 86_400_000), settings.timeZone)
	);

	const base = {
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
		teamChoices:
			viewable.size <= TEAM_CHOICES_LIMIT
				? tree
						.filter((team) => viewable.has(team.id))
						.map((team) => ({ teamId: team.id, label: displayTeamPath(team.path) }))
				: null
	};
	if (isSuppressed) {
		return {
			...base,
			scope: { ...base.scope, people: 0 },
			figures: null,
			previousFigures: null,
			weeks: [],
			benefits: [],
			quietTeams: [],
			rows: [],
			other: null,
			isRestSuppressed: true
		};
	}
	return {
		...base,
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
		quietTeams: quiet,
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

/** Each tree's subtrees, worked out once (a dashboard asks for thousands of them). */
const subtreeIndexes = new WeakMap<TeamNode[], Map<string, TeamNode[]>>();

/** The team and every team below it, in tree order. */
function subtreeOf(tree: TeamNode[], root: TeamNode): TeamNode[] {
	let index = subtreeIndexes.get(tree);
	if (!index) {
		index = new Map(tree.map((team) => [team.id, [team]]));
		// Tree order lists parents first: walking it backwards, each subtree is complete before its
		// parent takes it in.
		for (const team of [...tree].reverse()) {
			if (team.parentId) index.get(team.parentId)?.push(...index.get(team.id)!);
		}
		const position = new Map(tree.map((team, at) => [team.id, at]));
		for (const members of index.values()) {
			members.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
		}
		subtreeIndexes.set(tree, index);
	}
	return index.get(root.id) ?? [root];
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

/**
 * Viewable teams with no idea submitted anywhere in their subtree since the given day. Only teams
 * HR may open on their own are judged, so quietness never singles out a small group.
 */
async function quietTeams(tree: TeamNode[], candidates: TeamNode[], since: string) {
	const quietIds = await listTeamsWithoutIdeasSince(
		tree.map((team) => team.id),
		since
	);
	return candidates
		.filter((team) => subtreeOf(tree, team).every((member) => quietIds.has(member.id)))
		.map((team) => ({
			teamId: team.id,
			label: displayTeamPath(team.path),
			people: subtreeOf(tree, team).reduce((sum, member) => sum + member.memberCount, 0)
		}));
}
