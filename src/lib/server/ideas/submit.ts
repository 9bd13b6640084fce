import { eq } from 'drizzle-orm';
import { decisionDueAt, formatDueDate } from '../../domain/deadline';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { canSubmitIdeas } from '../../domain/roles';
import type { IdeaInput } from '../../domain/schemas';
import { db } from '../db';
import { ideaEvents, ideaPhotos, ideas, teams } from '../db/schema';
import { notify } from '../notify/notify';
import { recordSubmission } from '../insights/rollups';
import { awardPoints } from '../recognition/points';
import { getOrganisationSettings } from '../org/settings';
import type { Viewer } from './access';
import { checkPhoto, stripJpegMetadata } from './photos';
import { approverLevelFor } from './approval';
import { routeToStore } from './stored-routes';

export interface SubmittedIdea {
	ideaId: string;
	decisionDueAt: Date;
	/** "Friday, 4 December 2026" in the organisation's time zone. */
	dueDateLabel: string;
}

/**
 * Submits an idea: it waits for a decision from now on, due `deadline days` later (the promise the
 * author is shown). The deciding managers are notified in the same transaction.
 */
export async function submitIdea(
	author: Viewer,
	input: IdeaInput,
	photo: Uint8Array | null,
	now = new Date()
): Promise<Outcome<SubmittedIdea>> {
	if (!canSubmitIdeas(author.roles)) {
		return reject({ form: 'Only people with the Employee role submit ideas.' }, 403);
	}
	const photoCheck = photo ? checkPhoto(photo) : null;
	if (photoCheck && !photoCheck.ok) return reject({ photo: photoCheck.message });

	const settings = await getOrganisationSettings();
	const dueAt = decisionDueAt(now, settings.decisionDeadlineDays, settings.timeZone);

	return db.transaction(async (tx) => {
		const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
		if (!team) return reject({ teamId: 'That team no longer exists.' });

		const approverLevel = await approverLevelFor(tx, input.estimatedCost);
		const { route, stored } = await routeToStore(tx, {
			teamId: input.teamId,
			authorId: author.id,
			approverLevel
		});
		const [idea] = await tx
			.insert(ideas)
			.values({
				...input,
				...stored,
				authorId: author.id,
				approverLevel,
				submittedAt: now,
				decisionDueAt: dueAt,
				updatedAt: now
			})
			.returning({ id: ideas.id });
		if (photo && photoCheck?.ok) {
			const stored = photoCheck.contentType === 'image/jpeg' ? stripJpegMetadata(photo) : photo;
			await tx.insert(ideaPhotos).values({
				ideaId: idea.id,
				contentType: photoCheck.contentType,
				byteSize: stored.length,
				bytes: Buffer.from(stored),
				createdAt: now
			});
		}
		await recordSubmission(
			tx,
			{
				teamId: input.teamId,
				authorId: author.id,
				benefitType: input.benefitType,
				submittedAt: now,
				decisionDueAt: dueAt
			},
			settings.timeZone
		);
		await awardPoints(tx, { id: idea.id, authorId: author.id }, 'submitted', { now });
		await tx.insert(ideaEvents).values({
			ideaId: idea.id,
			actorId: author.id,
			at: now,
			fromStatus: null,
			toStatus: 'awaiting_decision',
			note: 'Submitted'
		});
		const { deciders } = route;
		const dueDateLabel = formatDueDate(dueAt, settings.timeZone);
		await notify(
			tx,
			{
				recipientIds: deciders,
				ideaId: idea.id,
				kind: 'idea_submitted',
				title: `New idea: ${input.title}`,
				body: `A new idea waits for your decision by ${dueDateLabel}.`,
				link: `/ideas/${idea.id}`
			},
			now
		);
		return succeed({ ideaId: idea.id, decisionDueAt: dueAt, dueDateLabel });
	});
}
