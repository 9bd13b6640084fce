import { fail } from '@sveltejs/kit';
import type { FieldErrors } from '$lib/domain/outcome';
import { withoutNul } from '$lib/domain/validation';

/**
 * The one failure shape of every form: the values to show again (never passwords) and a message per
 * field. Status 400 for bad input; 429 when throttled.
 */
export function invalid(errors: FieldErrors, values: Record<string, unknown> = {}, status = 400) {
	return fail(status, { values, errors });
}

/**
 * Reads named fields from a form (text only, NUL characters removed); fields in `listFields` keep
 * every value (checkbox groups).
 */
export function readForm(
	formData: FormData,
	fields: readonly string[],
	listFields: readonly string[] = []
): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const field of fields) {
		const value = formData.get(field);
		values[field] = typeof value === 'string' ? withoutNul(value) : '';
	}
	for (const field of listFields) {
		values[field] = formData
			.getAll(field)
			.filter((value) => typeof value === 'string')
			.map(withoutNul);
	}
	return values;
}
