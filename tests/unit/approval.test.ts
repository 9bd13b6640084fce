import { describe, expect, it } from 'vitest';
import {
	bandFor,
	checkBands,
	describeBand,
	isWithinSelfApprovalLimit,
	isWithinVetoWindow,
	MAX_BANDS,
	meetsTwoThirds,
	ownManagerCeiling,
	votesNeededForSelfApproval,
	type ApprovalBand
} from '../../src/lib/domain/approval';
import { splitEvenly } from '../../src/lib/domain/gainsharing';
import {
	approvalBandsForm,
	parseApprovalBands,
	selfApprovalSchema
} from '../../src/lib/domain/schemas';
import { parseInput } from '../../src/lib/domain/validation';

const BANDS: ApprovalBand[] = [
	{ maxCost: null, approverLevel: 'top' },
	{ maxCost: 200, approverLevel: 'own_manager' },
	{ maxCost: 5000, approverLevel: 'one_up' }
];

describe('cost bands', () => {
	it('puts a cost in the first band it fits, whatever order the bands come in', () => {
		expect(bandFor(BANDS, 0).approverLevel).toBe('own_manager');
		expect(bandFor(BANDS, null).approverLevel).toBe('own_manager');
		expect(bandFor(BANDS, 200).approverLevel).toBe('own_manager');
		expect(bandFor(BANDS, 200.01).approverLevel).toBe('one_up');
		expect(bandFor(BANDS, 5000).approverLevel).toBe('one_up');
		expect(bandFor(BANDS, 5000.01).approverLevel).toBe('top');
		expect(bandFor([], 1e9).approverLevel).toBe('own_manager');
	});

	it('describes bands as people read them', () => {
		expect(describeBand(BANDS, bandFor(BANDS, 10))).toBe('Cost up to 200');
		expect(describeBand(BANDS, bandFor(BANDS, 1e6))).toBe('Cost above 5,000');
		expect(describeBand([{ maxCost: null, approverLevel: 'own_manager' }], BANDS[0])).toBe(
			'Any cost'
		);
	});

	it('refuses bands that contradict each other', () => {
		expect(checkBands(BANDS)).toBeNull();
		expect(checkBands([])).toBe('Keep at least one band.');
		expect(checkBands([{ maxCost: 10, approverLevel: 'own_manager' }])).toBe(
			'Exactly one band must cover every cost above the others.'
		);
		expect(
			checkBands([
				{ maxCost: 10, approverLevel: 'own_manager' },
				{ maxCost: 10, approverLevel: 'one_up' },
				{ maxCost: null, approverLevel: 'top' }
			])
		).toBe('Two bands end at 10.');
		expect(
			checkBands([
				{ maxCost: 10, approverLevel: 'one_up' },
				{ maxCost: null, approverLevel: 'own_manager' }
			])
		).toBe('A costlier band cannot go to a lower approver than a cheaper one.');
	});

	it('reads the settings form, dropping blank rows', () => {
		expect(
			parseApprovalBands({
				maxCost: ['200', '', '5,000'],
				approverLevel: ['own_manager', 'top', 'one_up'],
				topApproverLevel: 'top'
			})
		).toEqual({
			ok: true,
			value: [
				{ maxCost: 200, approverLevel: 'own_manager' },
				{ maxCost: 5000, approverLevel: 'one_up' },
				{ maxCost: null, approverLevel: 'top' }
			]
		});
		expect(
			parseApprovalBands({ maxCost: ['abc'], approverLevel: ['top'], topApproverLevel: 'top' })
		).toEqual({
			ok: false,
			errors: {
				bands: 'Enter the band’s upper cost as an amount like 1250 or 1250.50, or leave it empty.'
			}
		});
		expect(
			parseApprovalBands({ maxCost: [], approverLevel: [], topApproverLevel: 'ceo' })
		).toMatchObject({ ok: false, errors: { bands: 'Choose who approves the most costly ideas.' } });
	});

	it('shows saved bands in the form as the form sends them back', () => {
		const bands: ApprovalBand[] = [
			{ maxCost: 200, approverLevel: 'own_manager' },
			{ maxCost: 5000, approverLevel: 'one_up' },
			{ maxCost: null, approverLevel: 'top' }
		];
		const form = approvalBandsForm(bands);
		expect(form.maxCost).toEqual(['200', '5000', ...Array(MAX_BANDS - 3).fill('')]);
		expect(form.topApproverLevel).toBe('top');
		expect(parseApprovalBands(form)).toEqual({ ok: true, value: bands });
	});
});

describe('team self-approval rules', () => {
	it('needs two thirds of the active members, exactly at the edge', () => {
		expect([3, 6, 7, 9].map(votesNeededForSelfApproval)).toEqual([2, 4, 5, 6]);
		expect(meetsTwoThirds(4, 6)).toBe(true);
		expect(meetsTwoThirds(3, 6)).toBe(false);
		expect(meetsTwoThirds(5, 8)).toBe(false);
		expect(meetsTwoThirds(6, 8)).toBe(true);
		expect(meetsTwoThirds(0, 0)).toBe(false);
	});

	it('applies up to the cost limit, an idea without an estimate costing nothing', () => {
		expect(isWithinSelfApprovalLimit(null, 0)).toBe(false);
		expect(isWithinSelfApprovalLimit(500, 500)).toBe(true);
		expect(isWithinSelfApprovalLimit(500, 500.01)).toBe(false);
		expect(isWithinSelfApprovalLimit(0, null)).toBe(true);
	});

	it('caps a team’s limit at the top of its own manager’s bands', () => {
		expect(ownManagerCeiling(BANDS)).toBe(200);
		expect(ownManagerCeiling([])).toBeNull();
		expect(ownManagerCeiling([{ maxCost: null, approverLevel: 'one_up' }])).toBe(-1);
	});

	it('keeps the veto window open for exactly 48 hours', () => {
		const acceptedAt = new Date('2026-11-24T10:00:00Z');
		expect(isWithinVetoWindow(acceptedAt, new Date('2026-11-26T10:00:00Z'))).toBe(true);
		expect(isWithinVetoWindow(acceptedAt, new Date('2026-11-26T10:00:01Z'))).toBe(false);
	});

	it('reads the team form: a limit is needed to switch it on, none to switch it off', () => {
		expect(parseInput(selfApprovalSchema, { enabled: 'on', costLimit: '1,500' })).toEqual({
			ok: true,
			value: { costLimit: 1500 }
		});
		expect(parseInput(selfApprovalSchema, { enabled: '', costLimit: '1500' })).toEqual({
			ok: true,
			value: { costLimit: null }
		});
		expect(parseInput(selfApprovalSchema, { enabled: 'on', costLimit: '' })).toEqual({
			ok: false,
			errors: {
				costLimit:
					'Enter the most an idea may cost for the team to accept it itself (0 for cost-free ideas only).'
			}
		});
	});
});

describe('payroll shares', () => {
	it('splits a pool into cent-exact shares that add up to it', () => {
		expect(splitEvenly(100, 3)).toEqual([33.34, 33.33, 33.33]);
		expect(splitEvenly(90, 4)).toEqual([22.5, 22.5, 22.5, 22.5]);
		expect(splitEvenly(0.05, 2)).toEqual([0.03, 0.02]);
	});
});
