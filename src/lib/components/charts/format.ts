const MONTHS_SHORT = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
];

/** Reads `YYYY-MM-DD` as a calendar date, so neither the server's nor the browser's zone can shift it. */
function parseIsoDate(isoDate: string) {
	const [year, month, day] = isoDate.split('-').map(Number);
	return { year, month, day };
}

/** `2025-11-03` → `3 Nov`, for axis labels. */
export function formatShortDate(isoDate: string): string {
	const { month, day } = parseIsoDate(isoDate);
	return `${day} ${MONTHS_SHORT[month - 1]}`;
}

/** `2025-11-03` → `3 Nov 2025`, for tables where the year matters. */
export function formatLongDate(isoDate: string): string {
	const { year, month, day } = parseIsoDate(isoDate);
	return `${day} ${MONTHS_SHORT[month - 1]} ${year}`;
}

const percentFormat = new Intl.NumberFormat('en-GB', {
	style: 'percent',
	maximumFractionDigits: 1
});
const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/**
 * `0.945` → `94.5%`. One decimal so a rate just under a target never reads as meeting it.
 */
export function formatPercent(rate: number): string {
	return percentFormat.format(rate);
}

/** `1234` → `1,234`. */
export function formatCount(count: number): string {
	return countFormat.format(count);
}
