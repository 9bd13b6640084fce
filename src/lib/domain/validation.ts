import * as v from 'valibot';

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Ids arrive in URLs and forms: checked before they reach a uuid column (which would throw). */
export function isUuid(value: string | null | undefined): value is string {
	return typeof value === 'string' && UUID_SHAPE.test(value);
}

/** A real calendar day written YYYY-MM-DD (no 31 February). */
export function isCalendarDay(value: string | null | undefined): value is string {
	return (
		typeof value === 'string' &&
		ISO_DAY_SHAPE.test(value) &&
		new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
	);
}

/**
 * Removes NUL characters, which PostgreSQL refuses in text (and which no keyboard types): every
 * text that reaches the database from a form, a URL or a file passes through here.
 */
export function withoutNul(text: string): string {
	return text.includes('\0') ? text.replaceAll('\0', '') : text;
}
import type { FieldErrors, Outcome } from './outcome';

type AnySchema = v.GenericSchema<unknown, unknown>;

/** Parses input with a schema; on failure returns the first message for each field. */
export function parseInput<TSchema extends AnySchema>(
	schema: TSchema,
	input: unknown
): Outcome<v.InferOutput<TSchema>> {
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true, value: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const field = issue.path?.map((item) => String(item.key)).join('.') || 'form';
		// Array items report under their list ("roles.0" → "roles").
		const key = field.replace(/\.\d+$/, '');
		errors[key] ??= issue.message;
	}
	return { ok: false, errors };
}
