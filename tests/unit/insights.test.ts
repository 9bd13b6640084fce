import { describe, expect, it } from 'vitest';
import {
	decisionTimeQuantileDays,
	deriveFigures,
	describeChange,
	emptyCounts,
	FIGURE_DEFINITIONS,
	formatFigure,
	parseInsightsQuery,
	previousPeriod,
	protectSmallGroups,
	type FigureCounts,
	type GroupRow
} from '../../src/lib/domain/insights';

const counts = (overrides: Partial<FigureCounts>): FigureCounts => ({
	...emptyCounts(),
	...overrides
});
const row = (key: string, people: number, submitted = 10): GroupRow<null> => ({
	key,
	label: key,
	counts: counts({ people, submitted }),
	extra: null
});

describe('decision time percentiles from the half-day histogram', () => {
	it('finds the median and 90th percentile at bucket edges', () => {
		// 10 decisions: 4 within half a day, 4 in day 1 (bucket 1: 0.5–1 day), 2 on day 5 (bucket 9).
		const histogram = [4, 4, 0, 0, 0, 0, 0, 0, 0, 2];
		expect(decisionTimeQuantileDays(histogram, 0.5)).toBe(1);
		expect(decisionTimeQuantileDays(histogram, 0.4)).toBe(0.5); // exactly 4 of 10: first bucket
		expect(decisionTimeQuantileDays(histogram, 0.8)).toBe(1);
		expect(decisionTimeQuantileDays(histogram, 0.9)).toBe(5);
	});

	it('has no value without decisions, and one decision is every percentile', () => {
		expect(decisionTimeQuantileDays([], 0.5)).toBeNull();
		expect(decisionTimeQuantileDays([0, 0, 0], 0.9)).toBeNull();
		expect(decisionTimeQuantileDays([0, 0, 1], 0.5)).toBe(1.5);
		expect(decisionTimeQuantileDays([0, 0, 1], 0.9)).toBe(1.5);
	});
});

describe('figures as PRODUCT.md defines them', () => {
	it('computes rates, per-person figures and on-time share from the counts', () => {
		const figures = deriveFigures(
			counts({
				people: 40,
				submitted: 30,
				decided: 20,
				accepted: 12,
				implemented: 6,
				due: 25,
				dueMet: 19,
				participants: 14,
				engagement: 45,
				realisedSavings: 1234.5,
				backlog: 7,
				overdue: 2,
				decisionTimeHistogram: [10, 10]
			}),
			91
		);
		expect(figures.participationRate).toBe(14 / 40);
		expect(figures.ideasPerPersonPerYear).toBeCloseTo((30 / 40) * (365 / 91), 10);
		expect(figures.onTimeRate).toBe(19 / 25);
		expect(figures.implementationRateOfAccepted).toBe(0.5);
		expect(figures.implementationRateOfSubmitted).toBe(0.2);
		expect(figures.engagementPerIdea).toBe(1.5);
		expect(figures.decisionTimeMedianDays).toBe(0.5);
		expect(figures).toMatchObject({ backlog: 7, overdue: 2, realisedSavings: 1234.5 });
	});

	it('shows an empty period as “—”, never as 0%', () => {
		const figures = deriveFigures(counts({ people: 12 }), 28);
		expect(figures.onTimeRate).toBeNull();
		expect(figures.implementationRateOfAccepted).toBeNull();
		expect(figures.participationRate).toBe(0);
		expect(formatFigure(figures.onTimeRate, 'rate')).toBe('—');
		expect(formatFigure(0.956, 'rate')).toBe('96%');
		expect(formatFigure(3.5, 'days')).toBe('3.5 days');
	});

	it('compares with the previous period, knowing which direction is good', () => {
		expect(describeChange(0.9, 0.8, FIGURE_DEFINITIONS.onTimeRate)).toEqual({
			text: '▲ 10 points vs the previous period',
			tone: 'good'
		});
		expect(describeChange(4, 2.5, FIGURE_DEFINITIONS.decisionTimeMedianDays)).toEqual({
			text: '▲ 1.5 days vs the previous period',
			tone: 'bad'
		});
		expect(describeChange(5, 5, FIGURE_DEFINITIONS.submitted)?.tone).toBe('same');
		expect(describeChange(null, 5, FIGURE_DEFINITIONS.submitted)).toBeNull();
		expect(previousPeriod({ from: '2026-03-01', to: '2026-03-28' })).toEqual({
			from: '2026-02-01',
			to: '2026-02-28'
		});
	});
});

describe('small-group protection (k = 5)', () => {
	it('shows every row that covers at least 5 people', () => {
		const result = protectSmallGroups([row('A', 5), row('B', 12)]);
		expect(result.shown.map((r) => r.key)).toEqual(['A', 'B']);
		expect(result.other).toBeNull();
	});

	it('merges small rows into “other teams” when together they cover 5 or more', () => {
		const result = protectSmallGroups([row('A', 20), row('B', 3), row('C', 2), row('D', 30)]);
		expect(result.shown.map((r) => r.key)).toEqual(['A', 'D']);
		expect(result.other).toMatchObject({ label: 'Other teams', groupCount: 2 });
		expect(result.other?.counts.people).toBe(5);
		expect(result.other?.counts.submitted).toBe(20);
	});

	it('suppresses a complementary row so a single small row cannot be recovered from the total', () => {
		// B alone (4 people) would be total − A − C: the smallest shown row joins it.
		const result = protectSmallGroups([row('A', 30), row('B', 4), row('C', 8)]);
		expect(result.shown.map((r) => r.key)).toEqual(['A']);
		expect(result.other).toMatchObject({ groupCount: 2 });
		expect(result.other?.counts.people).toBe(12);
	});

	it('adds rows until the merged rest covers 5 people, even if it takes several', () => {
		const result = protectSmallGroups([
			row('A', 1),
			row('B', 1),
			row('C', 5),
			row('D', 6),
			row('E', 50)
		]);
		expect(result.shown.map((r) => r.key)).toEqual(['D', 'E']);
		expect(result.other?.counts.people).toBe(7);
	});

	it('hides everything when even all rows together are too few', () => {
		const result = protectSmallGroups([row('A', 2), row('B', 1)]);
		expect(result.shown).toEqual([]);
		expect(result.other).toBeNull();
		expect(result.isRestSuppressed).toBe(true);
	});
});

describe('the dashboard’s URL', () => {
	const today = '2026-11-24';
	const parse = (search: string) => parseInsightsQuery(new URLSearchParams(search), today);

	it('defaults to the last 13 weeks and keeps presets, team and sort', () => {
		expect(parse('').period).toEqual({ from: '2026-08-26', to: today });
		expect(parse('period=4w').period).toEqual({ from: '2026-10-28', to: today });
		const query = parse(
			'period=52w&team=6f1c1b5e-3d2a-4c5b-9a8e-1f2d3c4b5a69&sort=onTimeRate&dir=asc'
		);
		expect(query).toMatchObject({ preset: '52w', sort: 'onTimeRate', direction: 'asc' });
		expect(query.teamId).toBe('6f1c1b5e-3d2a-4c5b-9a8e-1f2d3c4b5a69');
	});

	it('takes custom dates, and explains unusable ones next to the fields', () => {
		expect(parse('period=custom&from=2026-01-01&to=2026-03-31').period).toEqual({
			from: '2026-01-01',
			to: '2026-03-31'
		});
		expect(parse('period=custom&from=2026-02-30&to=2026-03-31').errors).toEqual({
			from: 'Enter the first day as a date.'
		});
		expect(parse('period=custom&from=2026-04-01&to=2026-03-31').errors).toEqual({
			to: 'The last day must not come before the first.'
		});
		expect(parse('team=evil&sort=drop table').teamId).toBeNull();
		expect(parse('sort=drop table').sort).toBe('submitted');
	});
});

describe('which teams HR may open on their own', () => {
	it('allows a team only where its parent’s breakdown shows it, so no two views can be subtracted', async () => {
		const { viewableTeamIds } = await import('../../src/lib/domain/insights');
		const teams = [
			{ id: 'plant', parentId: null, people: 1 },
			{ id: 'line1', parentId: 'plant', people: 8 },
			{ id: 'line2', parentId: 'plant', people: 4 },
			{ id: 'line2a', parentId: 'line2', people: 6 },
			{ id: 'store', parentId: null, people: 12 },
			{ id: 'office', parentId: null, people: 4 }
		];
		// Top level: plant (19), store (12), office (4) → office merges with the smallest shown (store).
		// Under plant: line1 (8), line2 (10), plant directly (1) → the direct row merges with line1.
		// Under line2: line2a (6) and line2's own 4 people → showing line2a would reveal those 4 as
		// line2 − line2a, so line2a joins them and cannot be opened alone.
		expect([...viewableTeamIds(teams)].sort()).toEqual(['line2', 'plant']);
	});
});
