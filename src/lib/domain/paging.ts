/** Longest list a `?show=` may ask for, in pages: beyond it, searching beats scrolling. */
export const MAX_PAGES_SHOWN = 50;

/** The items a `?show=` asks for: whole pages of `pageSize`, at least one and at most 50. */
export function shownLength(requested: string | null, pageSize: number): number {
	const pages = Math.ceil(Number(requested) / pageSize);
	if (!Number.isSafeInteger(pages) || pages <= 1) return pageSize;
	return Math.min(pages, MAX_PAGES_SHOWN) * pageSize;
}

/** Whether a longer list may still be asked for: not once `shown` is at the 50-page cap. */
export const isBelowPageCap = (shown: number, pageSize: number) =>
	shown < MAX_PAGES_SHOWN * pageSize;
