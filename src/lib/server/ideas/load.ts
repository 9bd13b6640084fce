import { eq } from 'drizzle-orm';
import { type DatabaseOrTransaction } from '../db';
import { ideas, type Idea } from '../db/schema';
import { loadIdeaVisibility, type AccessContext } from './access';
import { loadHierarchy } from './routing';

export const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An idea by id; undefined for unknown or malformed ids (so a typed URL is a 404, not a 500). */
export async function findIdea(
	tx: DatabaseOrTransaction,
	ideaId: string
): Promise<Idea | undefined> {
	if (!UUID_SHAPE.test(ideaId)) return undefined;
	const [idea] = await tx.select().from(ideas).where(eq(ideas.id, ideaId));
	return idea;
}

export async function loadAccessContext(tx: DatabaseOrTransaction): Promise<AccessContext> {
	const [hierarchy, visibility] = await Promise.all([loadHierarchy(tx), loadIdeaVisibility(tx)]);
	return { hierarchy, visibility };
}
