// Local dates and deadlines for millions of rows. The app's own functions (Intl based) are exact
// but cost microseconds each; for a zone without daylight saving over the generated span (Tokyo,
// the default) a fixed offset gives the same answers, and any other zone uses the app's functions.
import { decisionDueAt, localDate } from '../../src/lib/domain/deadline';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Clock {
	timeZone: string;
	/** The zone's offset from UTC when it is fixed over the span, else null. */
	fixedOffsetMs: number | null;
	localDate(ms: number): string;
	dueAt(submittedMs: number, deadlineDays: number): number;
	/** Start (UTC ms) of the local day an instant falls in, and that day's weekday (0 = Sunday). */
	localDayStart(ms: number): { startMs: number; weekday: number };
}

function offsetAt(ms: number, timeZone: string): number {
	const day = localDate(new Date(ms), timeZone);
	const [hours, minutes] = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hour: 'numeric',
		minute: 'numeric',
		hourCycle: 'h23'
	})
		.format(new Date(ms))
		.split(':')
		.map(Number);
	const wallMs = Date.parse(`${day}T00:00:00Z`) + (hours * 60 + minutes) * 60_000;
	return wallMs - Math.floor(ms / 60_000) * 60_000;
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
			fixedOffsetMs: first,
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
		fixedOffsetMs: null,
		localDate: (ms) => localDate(new Date(ms), timeZone),
		dueAt: (ms, days) => decisionDueAt(new Date(ms), days, timeZone).getTime(),
		localDayStart: (ms) => {
			const day = localDate(new Date(ms), timeZone);
			const local = Date.parse(`${day}T00:00:00Z`);
			return { startMs: local - offsetAt(ms, timeZone), weekday: new Date(local).getUTCDay() };
		}
	};
}
