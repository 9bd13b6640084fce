// Deadline math in the organisation's time zone, with no date library: Intl gives the offsets.

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

interface WallClock {
	year: number;
	month: number; // 1-12
	day: number;
	hour: number;
	minute: number;
	second: number;
	millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** What the formatter prints in ICU's en-US: "12/7/2026, 01:12:07". */
const FORMATTED_WALL_CLOCK = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/** The wall-clock reading in a time zone at an instant. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
	const formatter = formatterFor(timeZone);
	// Reading the formatted text is about 4 × faster than formatToParts, which a queue page calls
	// twice per card; formatToParts stays the fallback should ICU ever print it differently.
	const printed = FORMATTED_WALL_CLOCK.exec(formatter.format(instant));
	const parts = printed
		? {
				month: Number(printed[1]),
				day: Number(printed[2]),
				year: Number(printed[3]),
				hour: Number(printed[4]),
				minute: Number(printed[5]),
				second: Number(printed[6])
			}
		: Object.fromEntries(
				formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)])
			);
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
		millisecond: instant.getUTCMilliseconds()
	};
}

/** Milliseconds the zone is ahead of UTC at an instant (e.g. +3 600 000 for CET in winter). */
export function offsetAt(instant: number, timeZone: string): number {
	const wall = wallClockAt(new Date(instant), timeZone);
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant at which the zone's clocks show this wall-clock time. A time skipped by a DST jump
 * (02:30 on a spring-forward night) resolves to the same distance after the jump.
 */
export function instantAtWallClock(wall: WallClock, timeZone: string): Date {
	const asUtc = Date.UTC(
		wall.year,
		wall.month - 1,
		wall.day,
		wall.hour,
		wall.minute,
		wall.second,
		wall.millisecond
	);
	let guess = asUtc - offsetAt(asUtc, timeZone);
	// A second pass settles guesses that landed on the other side of an offset change.
	guess = asUtc - offsetAt(guess, timeZone);
	return new Date(guess);
}

/**
 * The decision deadline: the same wall-clock time, `days` calendar days after submission, in the
 * organisation's time zone — so a DST change never moves the promised hour, and month and year ends
 * roll over as calendars do.
 */
export function decisionDueAt(submittedAt: Date, deadlineDays: number, timeZone: string): Date {
	const wall = wallClockAt(submittedAt, timeZone);
	// Date.UTC normalises day overflow (31 Jan + 10 → 10 Feb, 25 Dec + 10 → 4 Jan).
	const target = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + deadlineDays));
	return instantAtWallClock(
		{
			...wall,
			year: target.getUTCFullYear(),
			month: target.getUTCMonth() + 1,
			day: target.getUTCDate()
		},
		timeZone
	);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
	const { year, month, day } = wallClockAt(instant, timeZone);
	return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole calendar days from one local date to another (negative when `to` is earlier). */
function calendarDaysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export type DeadlineUrgency = 'overdue' | 'due_today' | 'due_48h' | 'on_track';

export interface DeadlineState {
	urgency: DeadlineUrgency;
	/** Calendar days until the due date (0 = today; negative = overdue by that many days). */
	daysLeft: number;
	/** "3 days left", "Due today", "Overdue by 2 days" … */
	label: string;
}

/** How an open idea stands against its deadline, as the manager's queue badges it. */
export function deadlineState(dueAt: Date, now: Date, timeZone: string): DeadlineState {
	const daysLeft = calendarDaysBetween(localDate(now, timeZone), localDate(dueAt, timeZone));
	const msLeft = dueAt.getTime() - now.getTime();
	if (msLeft <= 0) {
		const daysLate = Math.max(0, -daysLeft);
		return {
			urgency: 'overdue',
			daysLeft,
			label: daysLate === 0 ? 'Overdue' : `Overdue by ${daysLate} day${daysLate === 1 ? '' : 's'}`
		};
	}
	if (daysLeft === 0) {
		const hours = Math.ceil(msLeft / HOUR_MS);
		return { urgency: 'due_today', daysLeft, label: `Due today (${hours} h left)` };
	}
	if (msLeft <= 48 * HOUR_MS) {
		return {
			urgency: 'due_48h',
			daysLeft,
			label: daysLeft === 1 ? 'Due tomorrow' : `Due in ${daysLeft} days`
		};
	}
	return { urgency: 'on_track', daysLeft, label: `${daysLeft} days left` };
}

/** "Friday, 4 December 2026" in the organisation's time zone. */
export function formatDueDate(dueAt: Date, timeZone: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone
	}).format(dueAt);
}

/** The target date a manager is offered when accepting an idea: two weeks from today, local. */
export function suggestedTargetDate(now: Date, timeZone: string): string {
	return localDate(new Date(now.getTime() + 14 * DAY_MS), timeZone);
}

/** The deadline only matters while an idea waits for its decision (or for its author's answer). */
export function waitingDeadlineState(
	idea: { status: string; decisionDueAt: Date },
	now: Date,
	timeZone: string
): DeadlineState | null {
	return idea.status === 'awaiting_decision' || idea.status === 'needs_info'
		? deadlineState(idea.decisionDueAt, now, timeZone)
		: null;
}
