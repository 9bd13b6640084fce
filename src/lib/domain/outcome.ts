/** A message per form field, keyed by the field's name. */
export type FieldErrors = Record<string, string>;

/**
 * Why a request was refused: bad input (400), not allowed (403), no such thing (404), or overtaken
 * by someone else's change (409).
 */
export type RefusalStatus = 400 | 403 | 404 | 409;

/** What a domain function returns when the refusal is the caller's fault rather than a bug. */
export type Outcome<T> =
	{ ok: true; value: T } | { ok: false; errors: FieldErrors; status?: RefusalStatus };

export function succeed<T>(value: T): Outcome<T> {
	return { ok: true, value };
}

export function reject<T = never>(errors: FieldErrors, status?: RefusalStatus): Outcome<T> {
	return status ? { ok: false, errors, status } : { ok: false, errors };
}
