import { isCalendarDay, isUuid } from './validation';
// HR's figures, computed from rollup counts (never from raw ideas). Pure, so the definitions in
// PRODUCT.md can be tested against hand-computed fixtures.

/** Groups covering fewer people than this are never shown on their own (Glint, Culture Amp…). */
export const MIN_GROUP_SIZE = 5;
/** Half-day buckets of decision time; the last one holds 60 days and more. */
export const DECISION_BUCKET_HOURS = 12;
export const ASPIRATION_ON_TIME_RATE = 0.95;

/** The additive counts behind every figure, for a set of teams and a period. */
export interface FigureCounts {
	/** Active people (not deactivated) in the teams, now. */
	people: number;
	submitted: number;
	decided: number;
	accepted: number;
	implemented: number;
	/** Ideas whose deadline fell in the period, and how many were decided by it. */
	due: number;
	dueMet: number;
	realisedSavings: number;
	/** Votes plus comments on the ideas submitted in the period. */
	engagement: number;
	/** Distinct people who submitted at least one idea in the period (by week). */
	participants: number;
	/** Awaiting a decision now, and of those past their deadline. */
	backlog: number;
	overdue: number;
	/** decisions per half-day bucket of decision time */
	decisionTimeHistogram: number[];
}

export function emptyCounts(): FigureCounts {
	return {
		people: 0,
		submitted: 0,
		decided: 0,
		accepted: 0,
		implemented: 0,
		due: 0,
		dueMet: 0,
		realisedSavings: 0,
		engagement: 0,
		participants: 0,
		backlog: 0,
		overdue: 0,
		decisionTimeHistogram: []
	};
}

export function addCounts(a: FigureCounts, b: FigureCounts): FigureCounts {
	const histogram: number[] = [];
	const length = Math.max(a.decisionTimeHistogram.length, b.decisionTimeHistogram.length);
	for (let i = 0; i < length; i++) {
		histogram.push((a.decisionTimeHistogram[i] ?? 0) + (b.decisionTimeHistogram[i] ?? 0));
	}
	return {
		people: a.people + b.people,
		submitted: a.submitted + b.submitted,
		decided: a.decided + b.decided,
		accepted: a.accepted + b.accepted,
		implemented: a.implemented + b.implemented,
		due: a.due + b.due,
		dueMet: a.dueMet + b.dueMet,
		realisedSavings: a.realisedSavings + b.realisedSavings,
		engagement: a.engagement + b.engagement,
		participants: a.participants + b.participants,
		backlog: a.backlog + b.backlog,
		overdue: a.overdue + b.overdue,
		decisionTimeHistogram: histogram
	};
}

/** A ratio, or null when there is nothing to divide by (shown as "—", never as 0%). */
export function ratio(numerator: number, denominator: number): number | null {
	return denominator > 0 ? numerator / denominator : null;
}

/**
 * The decision time (in days) by which a share `quantile` of decisions were made, from the
 * half-day histogram: the upper edge of the bucket where the running count reaches the quantile.
 * Resolution is half a day; null without decisions.
 */
export function decisionTimeQuantileDays(histogram: number[], quantile: number): number | null {
	const total = histogram.reduce((sum, count) => sum + count, 0);
	if (total === 0) return null;
	const target = quantile * total;
	let running = 0;
	for (const [bucket, count] of histogram.entries()) {
		running += count;
		if (running >= target && count > 0) return ((bucket + 1) * DECISION_BUCKET_HOURS) / 24;
	}
	return (histogram.length * DECISION_BUCKET_HOURS) / 24;
}

export interface Figures {
	submitted: number;
	decided: number;
	implemented: number;
	participationRate: number | null;
	ideasPerPersonPerYear: number | null;
	decisionTimeMedianDays: number | null;
	decisionTimeP90Days: number | null;
	onTimeRate: number | null;
	implementationRateOfAccepted: number | null;
	implementationRateOfSubmitted: number | null;
	backlog: number;
	overdue: number;
	realisedSavings: number;
	engagementPerIdea: number | null;
}

/** Every figure of the dashboard from its counts, as PRODUCT.md defines them. */
export function deriveFigures(counts: FigureCounts, periodDays: number): Figures {
	return {
		submitted: counts.submitted,
		decided: counts.decided,
		implemented: counts.implemented,
		participationRate: ratio(counts.participants, counts.people),
		ideasPerPersonPerYear:
			counts.people > 0 && periodDays > 0
				? (counts.submitted / counts.people) * (365 / periodDays)
				: null,
		decisionTimeMedianDays: decisionTimeQuantileDays(counts.decisionTimeHistogram, 0.5),
		decisionTimeP90Days: decisionTimeQuantileDays(counts.decisionTimeHistogram, 0.9),
		onTimeRate: ratio(counts.dueMet, counts.due),
		implementationRateOfAccepted: ratio(counts.implemented, counts.accepted),
		implementationRateOfSubmitted: ratio(counts.implemented, counts.submitted),
		backlog: counts.backlog,
		overdue: counts.overdue,
		realisedSavings: counts.realisedSavings,
		engagementPerIdea: ratio(counts.engagement, counts.submitted)
	};
}

export interface GroupRow<T> {
	key: string;
	label: string;
	counts: FigureCounts;
	extra: T;
}

export interface ProtectedRows<T> {
	/** Rows covering enough people to be shown on their own. */
	shown: GroupRow<T>[];
	/** The rest, merged — shown as "Other teams" only when it covers enough people itself. */
	other: { label: string; counts: FigureCounts; groupCount: number } | null;
	/** True when even the merged rest would be too small: those teams are not shown at all. */
	isRestSuppressed: boolean;
}

/**
 * Small-group protection for a breakdown: rows under MIN_GROUP_SIZE people are merged into
 * "other teams". If that merge would itself be under the limit (or be a single row, recoverable by
 * subtracting the shown rows from the total), the smallest shown rows join it until it is safe
 * (complementary suppression). If nothing makes it safe, the rest is suppressed.
 */
export function protectSmallGroups<T>(
	rows: GroupRow<T>[],
	minGroupSize = MIN_GROUP_SIZE
): ProtectedRows<T> {
	const hidden = rows.filter((row) => row.counts.people < minGroupSize);
	if (hidden.length === 0) return { shown: rows, other: null, isRestSuppressed: false };
	const shown = rows
		.filter((row) => row.counts.people >= minGroupSize)
		.sort((a, b) => a.counts.people - b.counts.people);
	const peopleIn = (group: GroupRow<T>[]) => group.reduce((sum, row) => sum + row.counts.people, 0);
	while ((peopleIn(hidden) < minGroupSize || hidden.length < 2) && shown.length > 0) {
		hidden.push(shown.shift()!);
	}
	const order = new Map(rows.map((row, index) => [row.key, index]));
	shown.sort((a, b) => order.get(a.key)! - order.get(b.key)!);
	const isSafe = peopleIn(hidden) >= minGroupSize && (hidden.length >= 2 || shown.length === 0);
	return {
		shown,
		other: isSafe
			? {
					label: hidden.length === rows.length ? 'All teams' : 'Other teams',
					counts: hidden.map((row) => row.counts).reduce(addCounts, emptyCounts()),
					groupCount: hidden.length
				}
			: null,
		isRestSuppressed: !isSafe
	};
}

export interface Period {
	/** Inclusive local dates, YYYY-MM-DD. */
	from: string;
	to: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function periodDays(period: Period): number {
	return Math.round((Date.parse(period.to) - Date.parse(period.from)) / DAY_MS) + 1;
}

/** The period of equal length right before this one, for comparisons. */
export function previousPeriod(period: Period): Period {
	const days = periodDays(period);
	const to = new Date(Date.parse(period.from) - DAY_MS);
	const from = new Date(to.getTime() - (days - 1) * DAY_MS);
	return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

/** The last `weeks` × 7 days, ending with today. */
export function lastWeeks(today: string, weeks: number): Period {
	const from = new Date(Date.parse(today) - (weeks * 7 - 1) * DAY_MS);
	return { from: from.toISOString().slice(0, 10), to: today };
}

export const PERIOD_PRESETS = { '4w': 4, '13w': 13, '52w': 52 } as const;
export type PeriodPreset = keyof typeof PERIOD_PRESETS | 'custom';

export const FIGURE_KEYS = [
	'submitted',
	'decided',
	'implemented',
	'participationRate',
	'ideasPerPersonPerYear',
	'decisionTimeMedianDays',
	'decisionTimeP90Days',
	'onTimeRate',
	'implementationRateOfAccepted',
	'implementationRateOfSubmitted',
	'backlog',
	'overdue',
	'realisedSavings',
	'engagementPerIdea'
] as const satisfies readonly (keyof Figures)[];
export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface InsightsQuery {
	preset: PeriodPreset;
	period: Period;
	teamId: string | null;
	sort: FigureKey | 'team';
	direction: 'asc' | 'desc';
	/** Messages for the period fields when custom dates were unusable (the default is used). */
	errors: Record<string, string>;
}

const MAX_CUSTOM_DAYS = 3 * 366;
/** Teian keeps no figures from before this day; it also keeps date arithmetic far from year 0. */
const EARLIEST_DAY = '2000-01-01';

/** The dashboard's filters from its URL (so a view can be shared); unusable values fall back. */
export function parseInsightsQuery(params: URLSearchParams, today: string): InsightsQuery {
	const errors: Record<string, string> = {};
	const requested = params.get('period') ?? '13w';
	let preset: PeriodPreset =
		Object.hasOwn(PERIOD_PRESETS, requested) || requested === 'custom'
			? (requested as PeriodPreset)
			: '13w';
	let period = lastWeeks(today, PERIOD_PRESETS[preset === 'custom' ? '13w' : preset]);
	if (preset === 'custom') {
		const from = params.get('from');
		const to = params.get('to');
		if (!isCalendarDay(from)) errors.from = 'Enter the first day as a date.';
		if (!isCalendarDay(to)) errors.to = 'Enter the last day as a date.';
		if (isCalendarDay(from) && isCalendarDay(to)) {
			if (from < EARLIEST_DAY) errors.from = `Choose a day from ${EARLIEST_DAY} on.`;
			else if (to > today)
				errors.to = 'Choose today or an earlier day: the future has no figures yet.';
			else if (from > to) errors.to = 'The last day must not come before the first.';
			else if (periodDays({ from, to }) > MAX_CUSTOM_DAYS)
				errors.to = 'Choose at most three years.';
			else period = { from, to };
		}
		if (Object.keys(errors).length > 0) preset = 'custom';
	}
	const team = params.get('team');
	const sort = params.get('sort');
	return {
		preset,
		period,
		teamId: isUuid(team) ? team.toLowerCase() : null,
		sort:
			sort === 'team' || (FIGURE_KEYS as readonly string[]).includes(sort ?? '')
				? (sort as FigureKey | 'team')
				: 'submitted',
		direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
		errors
	};
}

export interface FigureDefinition {
	label: string;
	/** Shown one tap away from the figure. */
	definition: string;
	format: 'count' | 'rate' | 'days' | 'money' | 'decimal';
	/** Which direction of change is good news. */
	better: 'higher' | 'lower';
}

export const FIGURE_DEFINITIONS: Record<FigureKey, FigureDefinition> = {
	submitted: {
		label: 'Submitted',
		format: 'count',
		better: 'higher',
		definition: 'Ideas submitted in the period, counted on the day they were submitted.'
	},
	decided: {
		label: 'Decided',
		format: 'count',
		better: 'higher',
		definition: 'Ideas accepted or rejected in the period, counted on the day of the decision.'
	},
	implemented: {
		label: 'Implemented',
		format: 'count',
		better: 'higher',
		definition: 'Ideas marked implemented in the period.'
	},
	participationRate: {
		label: 'Participation',
		format: 'rate',
		better: 'higher',
		definition:
			'Distinct people who submitted at least one idea in the period (counted by week) ÷ active people now.'
	},
	ideasPerPersonPerYear: {
		label: 'Ideas per person per year',
		format: 'decimal',
		better: 'higher',
		definition: 'Ideas submitted in the period ÷ active people, scaled to a year. Toyota, 1986: 47.'
	},
	decisionTimeMedianDays: {
		label: 'Decision time, median',
		format: 'days',
		better: 'lower',
		definition:
			'Half of the decisions in the period came within this many days of submission (decided − submitted, to the half day).'
	},
	decisionTimeP90Days: {
		label: 'Decision time, 90th percentile',
		format: 'days',
		better: 'lower',
		definition: '90% of the decisions in the period came within this many days of submission.'
	},
	onTimeRate: {
		label: 'Decided on time',
		format: 'rate',
		better: 'higher',
		definition:
			'Ideas decided by their deadline ÷ ideas whose deadline fell in the period, up to yesterday (today’s can still be met). Teian’s aspiration is 95%.'
	},
	implementationRateOfAccepted: {
		label: 'Implementation rate',
		format: 'rate',
		better: 'higher',
		definition: 'Ideas implemented in the period ÷ ideas accepted in the period.'
	},
	implementationRateOfSubmitted: {
		label: 'Implemented of submitted',
		format: 'rate',
		better: 'higher',
		definition: 'Ideas implemented in the period ÷ ideas submitted in the period.'
	},
	backlog: {
		label: 'Awaiting decision now',
		format: 'count',
		better: 'lower',
		definition:
			'Ideas waiting for a decision right now, also those waiting for the author’s answer, whatever the period.'
	},
	overdue: {
		label: 'Overdue now',
		format: 'count',
		better: 'lower',
		definition: 'Ideas waiting for a decision past their deadline right now.'
	},
	realisedSavings: {
		label: 'Realised savings',
		format: 'money',
		better: 'higher',
		definition: 'Yearly savings reported for the ideas implemented in the period.'
	},
	engagementPerIdea: {
		label: 'Votes and comments per idea',
		format: 'decimal',
		better: 'higher',
		definition: 'Votes and comments on the ideas submitted in the period ÷ those ideas.'
	}
};

/** A figure for people: "42", "87%", "3.5 days", "12,400", "—" when there is nothing to show. */
export function formatFigure(value: number | null, format: FigureDefinition['format']): string {
	if (value === null || Number.isNaN(value)) return '—';
	switch (format) {
		case 'rate':
			return `${Math.round(value * 100)}%`;
		case 'days':
			return `${value.toLocaleString('en-GB', { maximumFractionDigits: 1 })} days`;
		case 'money':
			return value.toLocaleString('en-GB', { maximumFractionDigits: 0 });
		case 'decimal':
			return value.toLocaleString('en-GB', { maximumFractionDigits: 1 });
		default:
			return value.toLocaleString('en-GB');
	}
}

/** "▲ 12 vs the previous period" — and whether that is good news. */
export function describeChange(
	current: number | null,
	previous: number | null,
	definition: FigureDefinition
): { text: string; tone: 'good' | 'bad' | 'same' } | null {
	if (current === null || previous === null) return null;
	const difference = current - previous;
	if (Math.abs(difference) < 1e-9) return { text: 'Same as the previous period', tone: 'same' };
	const amount =
		definition.format === 'rate'
			? `${Math.abs(Math.round(difference * 100))} points`
			: formatFigure(Math.abs(difference), definition.format);
	const isUp = difference > 0;
	return {
		text: `${isUp ? '▲' : '▼'} ${amount} vs the previous period`,
		tone: isUp === (definition.better === 'higher') ? 'good' : 'bad'
	};
}

/**
 * The teams HR may look at on their own, decided once for the whole tree so no view can be
 * subtracted from another: top-down, a team is viewable only when its parent's protected breakdown
 * (its sub-teams plus its own direct members, under protectSmallGroups) shows it as a row of its own.
 * `people` is a team's active direct members.
 */
export function viewableTeamIds(
	teams: readonly { id: string; parentId: string | null; people: number }[]
): Set<string> {
	const childrenOf = new Map<string | null, typeof teams>();
	for (const team of teams) {
		childrenOf.set(team.parentId, [...(childrenOf.get(team.parentId) ?? []), team]);
	}
	const subtreePeople = new Map<string, number>();
	const countPeople = (team: (typeof teams)[number]): number => {
		const cached = subtreePeople.get(team.id);
		if (cached !== undefined) return cached;
		const total =
			team.people +
			(childrenOf.get(team.id) ?? []).reduce((sum, child) => sum + countPeople(child), 0);
		subtreePeople.set(team.id, total);
		return total;
	};
	const viewable = new Set<string>();
	const visit = (parent: (typeof teams)[number] | null) => {
		const rows: GroupRow<null>[] = (childrenOf.get(parent?.id ?? null) ?? []).map((child) => ({
			key: child.id,
			label: child.id,
			counts: { ...emptyCounts(), people: countPeople(child) },
			extra: null
		}));
		if (parent) {
			rows.push({
				key: '',
				label: '',
				counts: { ...emptyCounts(), people: parent.people },
				extra: null
			});
		}
		for (const row of protectSmallGroups(rows).shown) {
			if (!row.key) continue;
			viewable.add(row.key);
			visit(teams.find((team) => team.id === row.key)!);
		}
	};
	visit(null);
	return viewable;
}
