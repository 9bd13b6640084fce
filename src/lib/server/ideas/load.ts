import { eq } from 'drizzle-orm';
import { isUuid } from '../../domain/validation';
import { type DatabaseOrTransaction } from '../db';
import { ideas, type Idea } from '../db/schema';
import { loadIdeaVisibility, type AccessContext } from './access';
import { loadHierarchy } from './routing';

/** An idea by id; undefined for unknown or malformed ids (so a typed URL is a 404, not a 500). */
export async function findIdea(
	tx: DatabaseOrTransaction,
	ideaId: string,
	options: { forUpdate?: boolean } = {}
): Promise<Idea | undefined> {
	if (!isUuid(ideaId)) return undefined;
	const query = tx.select().from(ideas).where(eq(ideas.id, ideaId));
	const [idea] = options.forUpdate ? await query.for('update') : await query;
	return idea;
}

export async function loadAccessContext(tx: DatabaseOrTransaction): Promise<AccessContext> {
	const [hierarchy, visibility] = await Promise.all([loadHierarchy(tx), loadIdeaVisibility(tx)]);
	return { hierarchy, visibility };
}
