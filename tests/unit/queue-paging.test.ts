import { describe, expect, it } from 'vitest';
import {
	isBelowPageCap,
	listParams,
	listSearch,
	MAX_PAGES_SHOWN,
	pageOf,
	shownLength
} from '../../src/lib/domain/paging';
import { QUEUE_PAGE_SIZE, queuePageLength } from '../../src/lib/server/ideas/queue';

describe('queuePageLength', () => {
	it('is one page unless more whole pages are asked for', () => {
		expect(queuePageLength(null)).toBe(QUEUE_PAGE_SIZE);
		expect(queuePageLength(String(QUEUE_PAGE_SIZE * 2))).toBe(QUEUE_PAGE_SIZE * 2);
		// Part of a page rounds up to the whole page.
		expect(queuePageLength(String(QUEUE_PAGE_SIZE + 1))).toBe(QUEUE_PAGE_SIZE * 2);
	});

	it('shows at most 50 pages, however many are asked for', () => {
		expect(queuePageLength(String(QUEUE_PAGE_SIZE * 50))).toBe(QUEUE_PAGE_SIZE * 50);
		expect(queuePageLength(String(QUEUE_PAGE_SIZE * 51))).toBe(QUEUE_PAGE_SIZE * MAX_PAGES_SHOWN);
		expect(queuePageLength('100000000')).toBe(QUEUE_PAGE_SIZE * MAX_PAGES_SHOWN);
		expect(shownLength('120', 50)).toBe(150);
		expect(isBelowPageCap(QUEUE_PAGE_SIZE * 49, QUEUE_PAGE_SIZE)).toBe(true);
		expect(isBelowPageCap(QUEUE_PAGE_SIZE * 50, QUEUE_PAGE_SIZE)).toBe(false);
	});

	it('treats nonsense as the first page', () => {
		for (const junk of ['', 'abc', '-40', '0', 'Infinity', '1e400', '3.5'])
			expect(queuePageLength(junk)).toBe(QUEUE_PAGE_SIZE);
	});
});

describe('a list read whole, shown a page at a time', () => {
	it('gives the first page, the total, and whether more may be asked for', () => {
		const items = Array.from({ length: 5 }, (_, index) => index);
		expect(pageOf(items, 2, 2)).toEqual({ items: [0, 1], total: 5, canShowMore: true });
		expect(pageOf(items, 6, 2)).toEqual({ items, total: 5, canShowMore: false });
		// At the 50-page cap no more is offered, though more exist.
		const many = Array.from({ length: 120 }, (_, index) => index);
		expect(pageOf(many, 2 * MAX_PAGES_SHOWN, 2).canShowMore).toBe(false);
	});

	it('says where it is as URL parameters: its search, and its length past the first page', () => {
		expect(listParams({ search: '', shown: 50 }, 50)).toEqual({});
		expect(listParams({ search: 'bakery', shown: 100 }, 50)).toEqual({ q: 'bakery', show: '100' });
	});

	it('reads its search tidied and cut to 100 characters', () => {
		expect(listSearch(new URLSearchParams('q=%20bakery%00%20'))).toBe('bakery');
		expect(listSearch(new URLSearchParams())).toBe('');
		expect(listSearch(new URLSearchParams({ q: 'x'.repeat(300) }))).toHaveLength(100);
	});
});
