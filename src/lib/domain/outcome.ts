/** A message per form field, keyed by the field's name. */
export type FieldErrors = Record<string, string>;

/** What a domain function returns when bad input is the caller's fault rather than a bug. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function succeed<T>(value: T): Outcome<T> {
	return { ok: true, value };
}

export function reject<T = never>(errors: FieldErrors): Outcome<T> {
	return { ok: false, errors };
}
