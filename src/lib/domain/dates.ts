/** "Tue 1 Dec 2026, 14:05" in the organisation's time zone. */
export function formatDateTime(date: Date | string, timeZone: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone
	}).format(new Date(date));
}

/** An amount in the organisation's currency: "1,250.50"; whole amounts without decimals. */
export function formatMoney(value: number | null, decimals: 0 | 2 = 2): string {
	if (value === null) return '—';
	return value.toLocaleString('en-GB', {
		minimumFractionDigits: decimals,
		maximumFractionDigits: decimals
	});
}
