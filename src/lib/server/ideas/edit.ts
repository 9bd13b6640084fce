import { and, eq, inArray } from 'drizzle-orm';
import { formatMoney } from '../../domain/dates';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import type { IdeaInput } from '../../domain/schemas';
import { isDecided, UNDECIDED_STATUSES } from '../../domain/status';
import { db } from '../db';
import { ideaEvents, ideas, type Idea } from '../db/schema';
import { readRollupTimeZone, recordBenefitChange } from '../insights/rollups';
import { notify } from '../notify/notify';
import type { Viewer } from './access';
import { findIdea } from './load';
import { acceptIfTeamApproves } from './self-approval';
import { rerouteIdea } from './approval';
import { loadHierarchy, routeIdea } from './routing';

const FIELD_NAMES: [keyof IdeaInput, string][] = [
	['title', 'title'],
	['problem', 'what is wrong today'],
	['proposal', 'proposal'],
	['benefitType', 'main benefit'],
	['estimatedCost', 'estimated cost'],
	['estimatedSavings', 'estimated savings']
];

/** "Changed: proposal, estimated cost." */
function describeEdit(before: Idea, after: IdeaInput): string {
	const changed = FIELD_NAMES.filter(([field]) => before[field] !== after[field]).map(
		([, name]) => name
	);
	return changed.length > 0 ? `Changed: ${changed.join(', ')}.` : 'Nothing changed.';
}

/**
 * The author edits their idea while it waits. Answering a request for more information is such an
 * edit: it sends the idea back to awaiting a decision — with its original deadline — and tells the
 * deciding managers.
 */
export async function editIdea(
	author: Viewer,
	ideaId: string,
	input: IdeaInput,
	now = new Date()
): Promise<Outcome<{ answered: boolean }>> {
	return db.transaction(async (tx) => {
		const idea = await findIdea(tx, ideaId, { forUpdate: true });
		if (!idea || idea.authorId !== author.id) {
			return reject({ form: 'Only the author edits an idea.' }, 403);
		}
		if (isDecided(idea.status)) {
			return reject({ form: 'This idea is decided and can no longer be edited.' }, 409);
		}
		// The team decides who decides the idea and where HR counts it: it stays as submitted.
		if (input.teamId !== idea.teamId) {
			return reject({ teamId: 'The team cannot change after submission.' });
		}

		const answered = idea.status === 'needs_info';
		const [updated] = await tx
			.update(ideas)
			.set({ ...input, status: 'awaiting_decision', updatedAt: now })
			.where(and(eq(ideas.id, ideaId), inArray(ideas.status, UNDECIDED_STATUSES)))
			.returning();
		if (!updated) return reject({ form: 'This idea was decided meanwhile. Reload it.' }, 409);
		await recordBenefitChange(
			tx,
			idea,
			{ from: idea.benefitType, to: input.benefitType },
			await readRollupTimeZone(tx)
		);

		// Every edit is in the audit trail, so a manager sees what changed since they last looked.
		await tx.insert(ideaEvents).values({
			ideaId,
			actorId: author.id,
			at: now,
			fromStatus: idea.status,
			toStatus: 'awaiting_decision',
			note: answered
				? `Answered by updating the idea. ${describeEdit(idea, input)}`
				: `Edited. ${describeEdit(idea, input)}`
		});
		// A new estimate may put the idea in another approval band: it moves to that band's approver.
		const rerouted =
			input.estimatedCost !== idea.estimatedCost &&
			(await rerouteIdea(
				tx,
				updated,
				{
					actorId: author.id,
					cause: `the estimated cost changed from ${formatMoney(idea.estimatedCost, 0)}`
				},
				now
			));
		// Back with the team's vote (an answer), or within its limit (a lower estimate): the votes
		// already cast may now be enough.
		await acceptIfTeamApproves(tx, (await findIdea(tx, ideaId))!, now);
		if (answered && !rerouted) {
			const { deciders } = routeIdea(await loadHierarchy(tx), idea);
			await notify(
				tx,
				{
					recipientIds: deciders,
					ideaId,
					kind: 'idea_answered',
					title: `Answered: ${input.title}`,
					body: 'The author added the information you asked for. The idea waits for your decision.',
					link: `/ideas/${ideaId}`
				},
				now
			);
		}
		return succeed({ answered });
	});
}
