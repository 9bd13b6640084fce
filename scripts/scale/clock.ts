// Local dates and deadlines for millions of rows. The app's own functions (Intl based) are exact
// but cost microseconds each; for a zone without daylight saving over the generated span (Tokyo,
// the default) a fixed offset gives the same answers, and any other zone uses the app's functions.
import {
	decisionDueAt,
	instantAtWallClock,
	localDate,
	offsetAt
} from '../../src/lib/domain/deadline';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Clock {
	timeZone: string;
	localDate(ms: number): string;
	dueAt(submittedMs: number, deadlineDays: number): number;
	/** Start (UTC ms) of the local day an instant falls in, and that day's weekday (0 = Sunday). */
	localDayStart(ms: number): { startMs: number; weekday: number };
}

export function makeClock(timeZone: string, fromMs: number, toMs: number): Clock {
	const first = offsetAt(fromMs, timeZone);
	let isFixed = true;
	for (let ms = fromMs; ms <= toMs + 120 * DAY_MS; ms += 7 * DAY_MS) {
		if (offsetAt(ms, timeZone) !== first) {
			isFixed = false;
			break;
		}
	}
	if (isFixed) {
		return {
			timeZone,
			localDate: (ms) => new Date(ms + first).toISOString().slice(0, 10),
			dueAt: (ms, days) => ms + days * DAY_MS,
			localDayStart: (ms) => {
				const local = Math.floor((ms + first) / DAY_MS) * DAY_MS;
				return { startMs: local - first, weekday: new Date(local).getUTCDay() };
			}
		};
	}
	return {
		timeZone,
		localDate: (ms) => localDate(new Date(ms), timeZone),
		dueAt: (ms, days) => decisionDueAt(new Date(ms), days, timeZone).getTime(),
		localDayStart: (ms) => {
			const day = localDate(new Date(ms), timeZone);
			const [year, month, dayOfMonth] = day.split('-').map(Number);
			// Midnight's own offset: on a daylight-saving day it differs from the instant's.
			const start = instantAtWallClock(
				{ year, month, day: dayOfMonth, hour: 0, minute: 0, second: 0, millisecond: 0 },
				timeZone
			);
			return { startMs: start.getTime(), weekday: new Date(`${day}T00:00:00Z`).getUTCDay() };
		}
	};
}
