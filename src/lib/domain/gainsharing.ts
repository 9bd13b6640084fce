// Gainsharing, after Whole Foods: a share of what a team's implemented ideas save accrues to the
// team's pool, assessed every four weeks.

export const GAINSHARING_PERIOD_DAYS = 28;
/** Periods are counted from this Monday, so every app server cuts them at the same days. */
export const GAINSHARING_EPOCH = '2024-01-01';
export const DEFAULT_GAINSHARING_PERCENT = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first day of the four-week period a local date (YYYY-MM-DD) falls in. */
export function gainsharingPeriodStart(day: string): string {
	const sinceEpoch = Math.floor((Date.parse(day) - Date.parse(GAINSHARING_EPOCH)) / DAY_MS);
	const periodIndex = Math.floor(sinceEpoch / GAINSHARING_PERIOD_DAYS);
	return new Date(Date.parse(GAINSHARING_EPOCH) + periodIndex * GAINSHARING_PERIOD_DAYS * DAY_MS)
		.toISOString()
		.slice(0, 10);
}

export function gainsharingPeriodEnd(periodStart: string): string {
	return new Date(Date.parse(periodStart) + (GAINSHARING_PERIOD_DAYS - 1) * DAY_MS)
		.toISOString()
		.slice(0, 10);
}

/** The team's share of a realised yearly saving, in cents-exact money. */
export function gainsharingAmount(realisedSavings: number, percent: number): number {
	return Math.round(realisedSavings * percent) / 100;
}

/** What a gainsharing entry says it is, e.g. "10% of 1200.00 realised savings". */
export function gainsharingNote(realisedSavings: number, percent: number): string {
	return `${percent}% of ${realisedSavings.toFixed(2)} realised savings`;
}

/** Splits an amount into equal cent-exact shares that add up to it (the first ones get the odd cents). */
export function splitEvenly(amount: number, parts: number): number[] {
	const cents = Math.round(amount * 100);
	const base = Math.floor(cents / parts);
	const remainder = cents - base * parts;
	return Array.from({ length: parts }, (_, index) => (base + (index < remainder ? 1 : 0)) / 100);
}

export const GAIN_REASONS = ['implementation', 'correction'] as const;
export type GainReason = (typeof GAIN_REASONS)[number];
