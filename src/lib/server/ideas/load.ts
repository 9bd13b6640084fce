import { eq, sql, type Placeholder } from 'drizzle-orm';
import type { IdeaVisibility } from '../../domain/ideas';
import { isUuid } from '../../domain/validation';
import { db, preparedQuery, type DatabaseOrTransaction } from '../db';
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

/** An idea with the hierarchy's version and the visibility setting (see findIdeaInContext). */
const selectIdeaInContext = (tx: DatabaseOrTransaction, ideaId: string | Placeholder) =>
	tx
		.select({
			idea: ideas,
			hierarchyVersion: currentHierarchyVersion,
			visibility: sql<IdeaVisibility | null>`(select ${organisationSettings.ideaVisibility} from ${organisationSettings})`
		})
		.from(ideas)
		.where(eq(ideas.id, ideaId));

/** The same, built once: every idea page and every vote reads it. */
const ideaInContext = preparedQuery((database) =>
	selectIdeaInContext(database, sql.placeholder('id')).prepare('idea_in_context')
);

/**
 * findIdea and loadAccessContext in one round trip: the idea's row carries the hierarchy's version
 * and the organisation's visibility setting, so with the hierarchy cached nothing else is read.
 */
export async function findIdeaInContext(
	tx: DatabaseOrTransaction,
	ideaId: string
): Promise<{ idea: Idea; context: AccessContext } | undefined> {
	if (!isUuid(ideaId)) return undefined;
	const [row] =
		tx === db
			? await ideaInContext().execute({ id: ideaId })
			: await selectIdeaInContext(tx, ideaId);
	if (!row) return undefined;
	const hierarchy = await loadHierarchy(tx, row.hierarchyVersion);
	return {
		idea: row.idea,
		context: { hierarchy, visibility: row.visibility ?? DEFAULT_SETTINGS.ideaVisibility }
	};
}
