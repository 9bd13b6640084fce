import { eq, sql } from 'drizzle-orm';
import type { IdeaVisibility } from '../../domain/ideas';
import { isUuid } from '../../domain/validation';
import { type DatabaseOrTransaction } from '../db';
import { ideas, organisationSettings, type Idea } from '../db/schema';
import { DEFAULT_SETTINGS } from '../org/settings';
import { loadIdeaVisibility, type AccessContext } from './access';
import { currentHierarchyVersion, loadHierarchy } from './routing';

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

/**
 * findIdea and loadAccessContext in one round trip: the idea's row carries the hierarchy's version
 * and the organisation's visibility setting, so with the hierarchy cached nothing else is read.
 */
export async function findIdeaInContext(
	tx: DatabaseOrTransaction,
	ideaId: string,
	options: { forUpdate?: boolean } = {}
): Promise<{ idea: Idea; context: AccessContext } | undefined> {
	if (!isUuid(ideaId)) return undefined;
	const query = tx
		.select({
			idea: ideas,
			hierarchyVersion: currentHierarchyVersion,
			visibility: sql<IdeaVisibility | null>`(select ${organisationSettings.ideaVisibility} from ${organisationSettings})`
		})
		.from(ideas)
		.where(eq(ideas.id, ideaId));
	const [row] = options.forUpdate ? await query.for('update', { of: ideas }) : await query;
	if (!row) return undefined;
	const hierarchy = await loadHierarchy(tx, row.hierarchyVersion);
	return {
		idea: row.idea,
		context: { hierarchy, visibility: row.visibility ?? DEFAULT_SETTINGS.ideaVisibility }
	};
}
