import * as v from 'valibot';

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
