import { and, eq, sql } from 'drizzle-orm';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { db } from '../db';
import { comments, ideas } from '../db/schema';
import { readRollupTimeZone, recordComments } from '../insights/rollups';
import { canViewIdea, type Viewer } from './access';
import { isUuid } from '../../domain/validation';
import { findIdeaInContext } from './load';

/** Adds a plain-text comment to an idea the viewer may read. */
export async function addComment(
	viewer: Viewer,
	ideaId: string,
	body: string,
	now = new Date()
): Promise<Outcome<{ commentId: string }>> {
	return db.transaction(async (tx) => {
		const found = await findIdeaInContext(tx, ideaId);
		if (!found || !canViewIdea(viewer, found.idea, found.context)) {
			return reject({ form: 'There is no such idea.' }, 404);
		}
		const [comment] = await tx
			.insert(comments)
			.values({ ideaId, authorId: viewer.id, body, createdAt: now })
			.returning({ id: comments.id });
		await tx
			.update(ideas)
			.set({ commentCount: sql`${ideas.commentCount} + 1` })
			.where(eq(ideas.id, ideaId));
		await recordComments(tx, found.idea, 1, await readRollupTimeZone(tx));
		return succeed({ commentId: comment.id });
	});
}

/** Deletes a comment; only its author may. */
export async function deleteComment(
	viewer: Viewer,
	commentId: string
): Promise<Outcome<{ ideaId: string }>> {
	if (!isUuid(commentId)) return reject({ form: 'There is no such comment.' }, 404);
	return db.transaction(async (tx) => {
		const [deleted] = await tx
			.delete(comments)
			.where(and(eq(comments.id, commentId), eq(comments.authorId, viewer.id)))
			.returning({ ideaId: comments.ideaId });
		if (!deleted) return reject({ form: 'You can delete only your own comments.' }, 403);
		const [idea] = await tx
			.update(ideas)
			.set({ commentCount: sql`${ideas.commentCount} - 1` })
			.where(eq(ideas.id, deleted.ideaId))
			.returning({ teamId: ideas.teamId, submittedAt: ideas.submittedAt });
		await recordComments(tx, idea, -1, await readRollupTimeZone(tx));
		return succeed({ ideaId: deleted.ideaId });
	});
}
