import { and, eq, sql } from 'drizzle-orm';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { db } from '../db';
import { ideas, votes } from '../db/schema';
import { readRollupTimeZone, recordEngagement } from '../insights/rollups';
import { canViewIdea, canVoteOnIdea, type Viewer } from './access';
import { findIdea, loadAccessContext } from './load';
import { acceptIfTeamApproves } from './self-approval';

/**
 * Sets the viewer's vote on an idea on or off. The form says which, so a doubled or retried submit
 * changes nothing; the primary key makes a second vote impossible, and the count moves only with a
 * row actually inserted or deleted, in the same transaction, so it stays exact under concurrency.
 */
export async function castVote(
	viewer: Viewer,
	ideaId: string,
	wantsVote: boolean,
	now = new Date()
): Promise<Outcome<{ hasVoted: boolean; voteCount: number; isAcceptedByTeam: boolean }>> {
	return db.transaction(async (tx) => {
		// Locked: votes on one idea, and an edit of it, take turns, so each tally sees the last.
		const idea = await findIdea(tx, ideaId, { forUpdate: true });
		const context = await loadAccessContext(tx);
		if (!idea || !canViewIdea(viewer, idea, context)) {
			return reject({ form: 'There is no such idea.' }, 404);
		}
		if (idea.authorId === viewer.id) {
			return reject({ form: 'You cannot vote on your own idea.' }, 403);
		}
		if (!canVoteOnIdea(viewer, idea, context)) {
			return reject({ form: 'This idea is decided; votes are closed.' }, 409);
		}

		let change: number;
		if (wantsVote) {
			const inserted = await tx
				.insert(votes)
				.values({ ideaId, personId: viewer.id, createdAt: now })
				.onConflictDoNothing()
				.returning({ ideaId: votes.ideaId });
			change = inserted.length;
		} else {
			const deleted = await tx
				.delete(votes)
				.where(and(eq(votes.ideaId, ideaId), eq(votes.personId, viewer.id)))
				.returning({ ideaId: votes.ideaId });
			change = -deleted.length;
		}
		await recordEngagement(tx, idea, { votes: change }, await readRollupTimeZone(tx));
		const [updated] = await tx
			.update(ideas)
			.set({ voteCount: sql`${ideas.voteCount} + ${change}` })
			.where(eq(ideas.id, ideaId))
			.returning({ voteCount: ideas.voteCount });
		const isAcceptedByTeam = change > 0 && (await acceptIfTeamApproves(tx, idea, now));
		return succeed({ hasVoted: wantsVote, voteCount: updated.voteCount, isAcceptedByTeam });
	});
}
