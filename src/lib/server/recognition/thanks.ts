import { desc, eq } from 'drizzle-orm';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { db } from '../db';
import { ideas, people, thanks } from '../db/schema';
import { canDecideIdea, type Viewer } from '../ideas/access';
import { findIdeaInContext } from '../ideas/load';
import { notify } from '../notify/notify';

/** A manager of the idea's team (or above) thanks its author; the author is told. */
export async function sendThanks(
	manager: Viewer,
	ideaId: string,
	message: string,
	now = new Date()
): Promise<Outcome<{ thanksId: string }>> {
	return db.transaction(async (tx) => {
		const found = await findIdeaInContext(tx, ideaId);
		if (!found) return reject({ form: 'There is no such idea.' }, 404);
		const { idea } = found;
		if (!canDecideIdea(manager, idea, found.context)) {
			return reject({ message: 'Only a manager of this idea’s team thanks its author here.' }, 403);
		}
		const [row] = await tx
			.insert(thanks)
			.values({
				ideaId,
				fromPersonId: manager.id,
				toPersonId: idea.authorId,
				message,
				createdAt: now
			})
			.returning({ id: thanks.id });
		await notify(
			tx,
			{
				recipientIds: [idea.authorId],
				ideaId,
				kind: 'thanks',
				title: `A thank-you for “${idea.title}”`,
				body: message,
				link: `/ideas/${ideaId}`
			},
			now
		);
		return succeed({ thanksId: row.id });
	});
}

/** The thank-yous a person received, newest first. */
export async function listThanksReceived(personId: string, limit = 50) {
	return db
		.select({
			id: thanks.id,
			message: thanks.message,
			createdAt: thanks.createdAt,
			fromName: people.displayName,
			ideaId: thanks.ideaId,
			ideaTitle: ideas.title
		})
		.from(thanks)
		.innerJoin(people, eq(people.id, thanks.fromPersonId))
		.innerJoin(ideas, eq(ideas.id, thanks.ideaId))
		.where(eq(thanks.toPersonId, personId))
		.orderBy(desc(thanks.createdAt))
		.limit(limit);
}
