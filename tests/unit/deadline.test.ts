import { describe, expect, it, vi } from 'vitest';
import {
	deadlineState,
	decisionDueAt,
	formatDueDate,
	instantAtWallClock,
	localDate,
	wallClockAt
} from '../../src/lib/domain/deadline';

const due = (iso: string, days: number, timeZone: string) =>
	decisionDueAt(new Date(iso), days, timeZone).toISOString();

describe('the decision deadline', () => {
	it('is the same wall-clock time ten calendar days later', () => {
		expect(due('2026-06-03T07:15:00Z', 10, 'UTC')).toBe('2026-06-13T07:15:00.000Z');
		expect(due('2026-06-03T07:15:00Z', 10, 'Asia/Tokyo')).toBe('2026-06-13T07:15:00.000Z');
	});

	it('rolls over month ends, leap days and year ends as calendars do', () => {
		expect(due('2026-01-25T10:00:00Z', 10, 'UTC')).toBe('2026-02-04T10:00:00.000Z');
		expect(due('2028-02-25T10:00:00Z', 10, 'UTC')).toBe('2028-03-06T10:00:00.000Z'); // 2028 is a leap year
		expect(due('2026-02-25T10:00:00Z', 10, 'UTC')).toBe('2026-03-07T10:00:00.000Z');
		expect(due('2026-12-25T10:00:00Z', 10, 'UTC')).toBe('2027-01-04T10:00:00.000Z');
	});

	it('keeps the local hour across a DST change (the absolute gap is then 10 days ± 1 hour)', () => {
		// Berlin springs forward on 29 March 2026: 10:30 CET → 10:30 CEST.
		expect(due('2026-03-20T09:30:00Z', 10, 'Europe/Berlin')).toBe('2026-03-30T08:30:00.000Z');
		// …and falls back on 25 October 2026: 10:30 CEST → 10:30 CET.
		expect(due('2026-10-20T08:30:00Z', 10, 'Europe/Berlin')).toBe('2026-10-30T09:30:00.000Z');
		// New York springs forward on 8 March 2026.
		expect(due('2026-03-01T14:00:00Z', 10, 'America/New_York')).toBe('2026-03-11T13:00:00.000Z');
	});

	it('uses the local date, not the UTC date, near midnight', () => {
		// 14:30 UTC on 31 December is 23:30 in Tokyo: ten local days later is 10 January.
		expect(due('2026-12-31T14:30:00Z', 10, 'Asia/Tokyo')).toBe('2027-01-10T14:30:00.000Z');
		expect(localDate(new Date('2026-12-31T15:30:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
		expect(localDate(new Date('2026-12-31T15:30:00Z'), 'America/Los_Angeles')).toBe('2026-12-31');
	});

	it('resolves a wall-clock time skipped by a DST jump to just after it', () => {
		const skipped = instantAtWallClock(
			{ year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 },
			'Europe/Berlin'
		);
		expect(skipped.toISOString()).toBe('2026-03-29T01:30:00.000Z'); // shown as 03:30 CEST
	});

	it('is shown as a weekday and date in the organisation’s zone', () => {
		expect(formatDueDate(new Date('2026-12-04T23:30:00Z'), 'UTC')).toBe('Friday, 4 December 2026');
		expect(formatDueDate(new Date('2026-12-04T23:30:00Z'), 'Europe/Berlin')).toBe(
			'Saturday, 5 December 2026'
		);
	});
});

describe('how an idea stands against its deadline', () => {
	const zone = 'Europe/Berlin';
	const dueAt = new Date('2026-05-15T08:00:00Z'); // 10:00 in Berlin
	const at = (iso: string) => deadlineState(dueAt, new Date(iso), zone);

	it('badges overdue, due today, due within 48 h, and on track', () => {
		expect(at('2026-05-10T08:00:00Z')).toEqual({
			urgency: 'on_track',
			daysLeft: 5,
			label: '5 days left'
		});
		expect(at('2026-05-13T09:00:00Z')).toEqual({
			urgency: 'due_48h',
			daysLeft: 2,
			label: 'Due in 2 days'
		});
		expect(at('2026-05-14T20:00:00Z')).toEqual({
			urgency: 'due_48h',
			daysLeft: 1,
			label: 'Due tomorrow'
		});
		expect(at('2026-05-15T05:00:00Z')).toEqual({
			urgency: 'due_today',
			daysLeft: 0,
			label: 'Due today (3 h left)'
		});
		expect(at('2026-05-15T08:00:00Z')).toEqual({
			urgency: 'overdue',
			daysLeft: 0,
			label: 'Overdue'
		});
		expect(at('2026-05-17T09:00:00Z')).toEqual({
			urgency: 'overdue',
			daysLeft: -2,
			label: 'Overdue by 2 days'
		});
	});

	it('counts calendar days in the organisation’s zone, not 24-hour blocks', () => {
		// 23:30 Berlin on 14 May is "tomorrow", though only 10.5 hours remain.
		expect(at('2026-05-14T21:30:00Z').label).toBe('Due tomorrow');
	});
});

describe('the wall clock in a time zone', () => {
	it('reads as Intl’s own parts do, at midnight, around DST changes and on half-hour zones', () => {
		const zones = ['UTC', 'Asia/Tokyo', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'];
		const instants = [
			'2026-03-29T00:59:59.250Z', // Berlin's spring-forward
			'2026-03-29T01:00:00Z',
			'2026-10-25T00:30:00Z', // Berlin's fall-back
			'2026-11-01T05:59:59Z', // New York's fall-back
			'2026-12-31T15:00:00Z', // midnight in Tokyo, new year
			'1999-12-31T23:59:59Z',
			'2040-02-29T12:34:56Z'
		].map((iso) => new Date(iso));
		const expected = zones.flatMap((timeZone) => {
			const parts = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric'
			});
			return instants.map((instant) => ({
				timeZone,
				instant,
				wall: {
					...Object.fromEntries(
						parts
							.formatToParts(instant)
							.filter((part) => part.type !== 'literal')
							.map((part) => [part.type, Number(part.value)])
					),
					millisecond: instant.getUTCMilliseconds()
				}
			}));
		});
		// The fast reading, not the fallback: formatToParts is not called.
		const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
		try {
			for (const { timeZone, instant, wall } of expected) {
				expect(wallClockAt(instant, timeZone)).toEqual(wall);
			}
			expect(formatToParts).not.toHaveBeenCalled();
		} finally {
			formatToParts.mockRestore();
		}
		expect(wallClockAt(new Date('2026-12-31T15:00:00Z'), 'Asia/Tokyo')).toMatchObject({
			year: 2027,
			month: 1,
			day: 1,
			hour: 0
		});
	});
});
