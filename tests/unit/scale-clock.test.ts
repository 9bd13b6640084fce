import { describe, expect, it } from 'vitest';
import { localDate } from '../../src/lib/domain/deadline';
import { makeClock } from '../../scripts/scale/clock';

const at = (iso: string) => Date.parse(iso);

describe('the generator’s clock', () => {
	it('starts a daylight-saving day at its own midnight, not at the offset of later that day', () => {
		const berlin = makeClock(
			'Europe/Berlin',
			at('2026-01-01T00:00:00Z'),
			at('2026-12-31T00:00:00Z')
		);
		// Clocks go forward at 02:00 on 29 March: midnight is still CET (+1), noon is CEST (+2).
		expect(berlin.localDayStart(at('2026-03-29T12:00:00Z'))).toEqual({
			startMs: at('2026-03-28T23:00:00Z'),
			weekday: 0
		});
		expect(berlin.localDate(at('2026-03-28T23:30:00Z'))).toBe('2026-03-29');
	});

	it('answers as the app does for a zone without daylight saving, by a fixed offset', () => {
		const from = at('2026-01-01T00:00:00Z');
		const tokyo = makeClock('Asia/Tokyo', from, at('2026-12-31T00:00:00Z'));
		expect(tokyo.localDayStart(at('2026-05-01T00:30:00Z'))).toEqual({
			startMs: at('2026-04-30T15:00:00Z'),
			weekday: 5
		});
		for (let ms = from; ms < from + 400 * 3_600_000; ms += 3_600_000 * 7 + 60_000) {
			expect(tokyo.localDate(ms)).toBe(localDate(new Date(ms), 'Asia/Tokyo'));
		}
	});
});
