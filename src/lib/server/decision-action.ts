import { DECISION_FIELDS, decisionSchema } from '$lib/domain/schemas';
import { parseInput } from '$lib/domain/validation';
import { invalid, readForm } from '$lib/server/form';
import type { SessionUser } from './auth/session';
import { decideIdea } from './ideas/decide';

/**
 * The decide action shared by the idea page and the queue: parse, decide, and on failure answer
 * with the messages and which decision they belong to. Returns null on success.
 */
export async function handleDecisionForm(user: SessionUser, formData: FormData) {
	const values = {
		...readForm(formData, DECISION_FIELDS),
		ideaId: String(formData.get('ideaId') ?? '')
	};
	const parsed = parseInput(decisionSchema, values);
	if (!parsed.ok) return invalid(parsed.errors, values);
	const decided = await decideIdea(user, values.ideaId, parsed.value);
	if (!decided.ok) return invalid(decided.errors, values, decided.status);
	return null;
}
