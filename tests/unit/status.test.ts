import { describe, expect, it } from 'vitest';
import { IDEA_STATUSES } from '../../src/lib/domain/ideas';
import {
	TRANSITIONS,
	UNDECIDED_STATUSES,
	findTransition,
	isDecided,
	transitionsFrom
} from '../../src/lib/domain/status';

describe('the status machine', () => {
	it('allows exactly the transitions of the product brief', () => {
		expect(TRANSITIONS.map((rule) => `${rule.from} → ${rule.to} (${rule.by})`)).toEqual([
			'awaiting_decision → accepted (manager)',
			'awaiting_decision → rejected (manager)',
			'awaiting_decision → needs_info (manager)',
			'needs_info → awaiting_decision (author)',
			'needs_info → accepted (manager)',
			'needs_info → rejected (manager)',
			'accepted → implemented (manager)',
			'accepted → dropped (manager)',
			'awaiting_decision → accepted (team)',
			'accepted → rejected (veto)'
		]);
	});

	it('has no way out of rejected, implemented or dropped', () => {
		for (const closed of ['rejected', 'implemented', 'dropped'] as const) {
			for (const to of IDEA_STATUSES) expect(findTransition(closed, to)).toBeUndefined();
		}
		expect(findTransition('awaiting_decision', 'implemented')).toBeUndefined();
		expect(findTransition('needs_info', 'implemented')).toBeUndefined();
	});

	it('requires a reason to reject or drop, an owner and date to accept, a result to implement', () => {
		expect(findTransition('awaiting_decision', 'rejected')?.needsNote).toBe(true);
		expect(findTransition('accepted', 'dropped')?.needsNote).toBe(true);
		expect(findTransition('awaiting_decision', 'accepted')?.needsOwnerAndTargetDate).toBe(true);
		expect(findTransition('accepted', 'implemented')?.recordsResult).toBe(true);
	});

	it('offers managers and authors only their own moves', () => {
		expect(transitionsFrom('awaiting_decision', 'author')).toEqual([]);
		expect(transitionsFrom('needs_info', 'manager').map((rule) => rule.to)).toEqual([
			'accepted',
			'rejected'
		]);
		expect(transitionsFrom('needs_info', 'author').map((rule) => rule.to)).toEqual([
			'awaiting_decision'
		]);
	});

	it('takes votes only before the decision; needs_info is not a decision', () => {
		expect(IDEA_STATUSES.filter((status) => !isDecided(status))).toEqual([
			'awaiting_decision',
			'needs_info'
		]);
		expect(UNDECIDED_STATUSES).toEqual(['awaiting_decision', 'needs_info']);
		expect(IDEA_STATUSES.filter(isDecided)).toEqual([
			'accepted',
			'rejected',
			'implemented',
			'dropped'
		]);
	});
});
