import { withoutNul } from './validation';

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

/** A list's search as its URL gives it (`?q=`): tidied, and at most 100 characters. */
export function listSearch(params: URLSearchParams): string {
	return withoutNul(params.get('q') ?? '')
		.trim()
		.slice(0, 100);
}

/** The first `shown` of a list read whole, how many there are, and whether more may be asked for. */
export function pageOf<Item>(items: Item[], shown: number, pageSize: number) {
	return {
		items: items.slice(0, shown),
		total: items.length,
		canShowMore: shown < items.length && isBelowPageCap(shown, pageSize)
	};
}

/** Where a list is, as URL parameters: its search and, past the first page, its length. */
export function listParams(
	list: { search: string; shown: number },
	pageSize: number
): Record<string, string> {
	return {
		...(list.search ? { q: list.search } : {}),
		...(list.shown > pageSize ? { show: String(list.shown) } : {})
	};
}
