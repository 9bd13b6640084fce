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
