import { and, desc, eq, isNull } from 'drizzle-orm';
import { localDate } from '../../domain/deadline';
import { IDEA_STATUS_LABELS, type IdeaStatus } from '../../domain/ideas';
import { reject, succeed, type FieldErrors, type Outcome } from '../../domain/outcome';
import type { DecisionInput } from '../../domain/schemas';
import { findTransition, type TransitionRule } from '../../domain/status';
import { db, type DatabaseOrTransaction } from '../db';
import { ideaEvents, ideas, people, type Idea } from '../db/schema';
import { recordDecision, recordImplementation } from '../insights/rollups';
import { notify } from '../notify/notify';
import { accrueGainsharing } from '../recognition/gainsharing';
import { awardPoints } from '../recognition/points';
import { getOrganisationSettings } from '../org/settings';
import { canDecideIdea, type Viewer } from './access';
import { findIdea, findIdeaInContext } from './load';

/** What the author is told when their idea moves on. */
export const AUTHOR_MESSAGES: Partial<Record<IdeaStatus, string>> = {
	accepted: 'Your idea was accepted',
	rejected: 'Your idea was not taken up',
	needs_info: 'Your manager asks for more information',
	implemented: 'Your idea has been implemented',
	dropped: 'Your accepted idea was dropped'
};

const NOTE_REQUIRED: Partial<Record<IdeaStatus, string>> = {
	rejected: 'Give a reason: the author deserves to know why.',
	needs_info: 'Say what you need to know.',
	implemented: 'Describe what was done.',
	dropped: 'Give a reason: the author deserves to know why.'
};

/** For a manager whose page showed the idea before its author's last edit. */
const CHANGED_SINCE_OPENED =
	'The author changed this idea after you opened it. Read it again, then decide.';

/**
 * A manager moves an idea on: accept, reject, ask for information, mark implemented, or drop.
 * One transaction, guarded on the status the manager saw: when two managers decide at once, one
 * wins and the other is told who decided. Every change is written to the audit trail and the
 * author is notified.
 */
export async function decideIdea(
	viewer: Viewer,
	ideaId: string,
	input: DecisionInput,
	now = new Date()
): Promise<Outcome<{ status: IdeaStatus }>> {
	const settings = await getOrganisationSettings();
	return db.transaction(async (tx) => {
		const found = await findIdeaInContext(tx, ideaId);
		if (!found) return reject({ form: 'There is no such idea.' }, 404);
		const { idea, context } = found;
		if (!canDecideIdea(viewer, idea, context)) {
			return reject({ form: 'Only a manager of this idea’s team or above decides it.' }, 403);
		}
		if (idea.status !== input.expectedStatus) {
			return reject({ form: await describeOvertaken(tx, idea) }, 409);
		}
		if (
			input.expectedUpdatedAt &&
			Date.parse(input.expectedUpdatedAt) !== idea.updatedAt.getTime()
		) {
			return reject({ form: CHANGED_SINCE_OPENED }, 409);
		}
		const rule = findTransition(idea.status, input.to, 'manager');
		if (!rule) {
			return reject({
				to: `An idea that is “${IDEA_STATUS_LABELS[idea.status]}” cannot become “${IDEA_STATUS_LABELS[input.to]}”.`
			});
		}
		const errors = await checkRequirements(tx, rule, input, localDate(now, settings.timeZone));
		if (Object.keys(errors).length > 0) return reject(errors);

		const [updated] = await tx
			.update(ideas)
			.set({ ...changesFor(rule, input, viewer.id, now), status: input.to, updatedAt: now })
			// Guarded on the row as read: a decision or an edit committed since then wins.
			.where(
				and(
					eq(ideas.id, ideaId),
					eq(ideas.status, idea.status),
					eq(ideas.updatedAt, idea.updatedAt)
				)
			)
			.returning({ id: ideas.id });
		if (!updated) {
			const current = (await findIdea(tx, ideaId))!;
			if (current.status === idea.status) return reject({ form: CHANGED_SINCE_OPENED }, 409);
			return reject({ form: await describeOvertaken(tx, current) }, 409);
		}
		await recordConsequences(tx, idea, input, now, settings.timeZone);
		await tx.insert(ideaEvents).values({
			ideaId,
			actorId: viewer.id,
			at: now,
			fromStatus: idea.status,
			toStatus: input.to,
			note: await eventNote(tx, rule, input)
		});
		await notify(
			tx,
			{
				recipientIds: [idea.authorId].filter((id) => id !== viewer.id),
				ideaId,
				kind: 'idea_decided',
				title: `${AUTHOR_MESSAGES[input.to]}: ${idea.title}`,
				body: input.note || 'Open the idea to see the details.',
				link: `/ideas/${ideaId}`
			},
			now
		);
		if (input.to === 'accepted' && input.ownerId !== idea.authorId) {
			await notify(
				tx,
				{
					recipientIds: [input.ownerId].filter((id) => id !== viewer.id),
					ideaId,
					kind: 'idea_assigned',
					title: `You implement: ${idea.title}`,
					body: `Accepted, to be done by ${input.targetDate}. ${input.note}`.trim(),
					link: `/ideas/${ideaId}`
				},
				now
			);
		}
		return succeed({ status: input.to });
	});
}

/** Decisions and implementations feed HR's figures and the author's points, in the same transaction. */
async function recordConsequences(
	tx: DatabaseOrTransaction,
	idea: Idea,
	input: DecisionInput,
	now: Date,
	timeZone: string
): Promise<void> {
	if (input.to === 'accepted' || input.to === 'rejected') {
		await recordDecision(
			tx,
			idea,
			{ decidedAt: now, isAccepted: input.to === 'accepted' },
			timeZone
		);
		if (input.to === 'accepted') await awardPoints(tx, idea, 'accepted', { now });
	} else if (input.to === 'implemented') {
		await awardPoints(tx, idea, 'implemented', { realisedSavings: input.realisedSavings, now });
		await accrueGainsharing(tx, idea, input.realisedSavings, now);
		await recordImplementation(
			tx,
			idea,
			{ implementedAt: now, realisedSavings: input.realisedSavings },
			timeZone
		);
	}
}

async function checkRequirements(
	tx: DatabaseOrTransaction,
	rule: TransitionRule,
	input: DecisionInput,
	today: string
): Promise<FieldErrors> {
	const errors: FieldErrors = {};
	if (rule.needsNote && !input.note) errors.note = NOTE_REQUIRED[rule.to] ?? 'Add a note.';
	if (rule.needsOwnerAndTargetDate) {
		if (!input.ownerId) {
			errors.ownerId = 'Choose who implements it.';
		} else {
			const [owner] = await tx
				.select({ id: people.id })
				.from(people)
				.where(and(eq(people.id, input.ownerId), isNull(people.deactivatedAt)));
			if (!owner) errors.ownerId = 'Choose an active person.';
		}
		if (!input.targetDate) errors.targetDate = 'Choose the date by which it should be done.';
		else if (input.targetDate < today) errors.targetDate = 'Choose today or a later date.';
	}
	return errors;
}

function changesFor(
	rule: TransitionRule,
	input: DecisionInput,
	deciderId: string,
	now: Date
): Partial<Idea> {
	switch (rule.to) {
		case 'accepted':
			return {
				decidedAt: now,
				decidedById: deciderId,
				decisionNote: input.note || null,
				ownerId: input.ownerId,
				targetDate: input.targetDate
			};
		case 'rejected':
			return { decidedAt: now, decidedById: deciderId, decisionNote: input.note, closedAt: now };
		case 'needs_info':
			return { decisionNote: input.note };
		case 'implemented':
			return {
				implementedAt: now,
				implementationNote: input.note,
				realisedSavings: input.realisedSavings,
				closedAt: now
			};
		case 'dropped':
			return { decisionNote: input.note, closedAt: now };
		default:
			return {};
	}
}

async function eventNote(
	tx: DatabaseOrTransaction,
	rule: TransitionRule,
	input: DecisionInput
): Promise<string | null> {
	if (rule.to === 'accepted') {
		const [owner] = await tx
			.select({ name: people.displayName })
			.from(people)
			.where(eq(people.id, input.ownerId));
		const plan = `${owner?.name ?? 'Someone'} implements it by ${input.targetDate}.`;
		return input.note ? `${plan} ${input.note}` : plan;
	}
	if (rule.to === 'implemented' && input.realisedSavings !== null) {
		return `${input.note} Realised savings: ${input.realisedSavings.toFixed(2)}.`;
	}
	return input.note || null;
}

/** "Aiko Tanaka changed this idea first: …" — for the manager who lost a race. */
async function describeOvertaken(tx: DatabaseOrTransaction, idea: Idea): Promise<string> {
	const [latest] = await tx
		.select({ actor: people.displayName })
		.from(ideaEvents)
		.leftJoin(people, eq(people.id, ideaEvents.actorId))
		.where(eq(ideaEvents.ideaId, idea.id))
		.orderBy(desc(ideaEvents.id))
		.limit(1);
	const who = latest?.actor ?? 'Someone';
	return `${who} changed this idea first: it is now “${IDEA_STATUS_LABELS[idea.status]}”. Reload to see it.`;
}
