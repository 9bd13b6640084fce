import {
	FIGURE_DEFINITIONS,
	FIGURE_KEYS,
	formatFigure,
	type FigureKey
} from '../../domain/insights';
import { toCsv } from '../../domain/csv';
import type { Dashboard, TeamRow } from './dashboard';

/** Sorts the breakdown by a figure (missing values last) or by team name. */
export function sortTeamRows(
	rows: TeamRow[],
	sort: FigureKey | 'team',
	direction: 'asc' | 'desc'
): TeamRow[] {
	const sign = direction === 'asc' ? 1 : -1;
	return [...rows].sort((a, b) => {
		if (sort === 'team') return sign * a.label.localeCompare(b.label);
		const x = a.figures[sort];
		const y = b.figures[sort];
		if (x === null && y === null) return a.label.localeCompare(b.label);
		if (x === null) return 1;
		if (y === null) return -1;
		return sign * (x - y) || a.label.localeCompare(b.label);
	});
}

const rawNumber = (value: number | null, key: FigureKey) =>
	value === null
		? ''
		: FIGURE_DEFINITIONS[key].format === 'rate'
			? Number(value.toFixed(4))
			: Number(value.toFixed(2));

/** The team table as CSV, under the same small-group protection as on screen. */
export function teamTableCsv(dashboard: Dashboard): string {
	const header = ['Team', 'People', ...FIGURE_KEYS.map((key) => FIGURE_DEFINITIONS[key].label)];
	const lines: (string | number)[][] = [header];
	if (!dashboard.isSuppressed) {
		for (const row of dashboard.rows) {
			lines.push([
				row.label,
				row.people,
				...FIGURE_KEYS.map((key) => rawNumber(row.figures[key], key))
			]);
		}
		if (dashboard.other) {
			lines.push([
				`${dashboard.other.label} (${dashboard.other.groupCount} teams)`,
				dashboard.other.people,
				...FIGURE_KEYS.map((key) => rawNumber(dashboard.other!.figures[key], key))
			]);
		}
	}
	return toCsv(lines);
}

/** The weekly series as CSV; empty when the scope covers too few people. */
export function weeklySeriesCsv(dashboard: Dashboard): string {
	const lines: (string | number)[][] = [
		['Week starting', 'Submitted', 'Decided', 'Implemented', 'Decided on time']
	];
	if (!dashboard.isSuppressed) {
		for (const week of dashboard.weeks) {
			lines.push([
				week.weekStart,
				week.submitted,
				week.decided,
				week.implemented,
				week.onTimeRate === null ? '' : formatFigure(week.onTimeRate, 'rate')
			]);
		}
	}
	return toCsv(lines);
}
