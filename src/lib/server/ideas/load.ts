import { eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { IdeaVisibility } from '../../domain/ideas';
import { isUuid } from '../../domain/validation';
import { db, preparedQuery, selectRows, type DatabaseOrTransaction } from '../db';
import { ideas, type Idea } from '../db/schema';
import { settingColumn } from '../org/settings';
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

const visibilitySetting = settingColumn('ideaVisibility');

/** An idea with the hierarchy's version and the visibility setting (see findIdeaInContext). */
const selectIdeaInContext = (tx: DatabaseOrTransaction, ideaId: string | Placeholder) =>
	tx
		.select({
			idea: ideas,
			hierarchyVersion: currentHierarchyVersion,
			visibility: visibilitySetting
		})
		.from(ideas)
		.where(eq(ideas.id, ideaId));

/** The same, built once: every idea page reads it, and every vote the fast path refused. */
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
	const context = {
		hierarchy: await loadHierarchy(tx, row.hierarchyVersion),
		visibility: row.visibility
	};
	if (tx === db) lastReadContexts.set(db, { hierarchyVersion: row.hierarchyVersion, context });
	return { idea: row.idea, context };
}

/** An access context with the hierarchy version it was read at. */
export interface VersionedAccessContext {
	hierarchyVersion: number | null;
	context: AccessContext;
}

/** The access context as last read outside a transaction, per database (see recentAccessContext). */
const lastReadContexts = new WeakMap<object, VersionedAccessContext>();

/**
 * The access context as last read, or read now: for a statement that checks access in SQL
 * and, in the same statement, that this context is still the current one.
 */
export async function recentAccessContext(): Promise<VersionedAccessContext> {
	return lastReadContexts.get(db) ?? (await readAccessContext());
}

/** The access context as it is now, with the hierarchy's version (kept as the recent one). */
export async function readAccessContext(): Promise<VersionedAccessContext> {
	const [row] = await selectRows<{ version: string | number | null; visibility: IdeaVisibility }>(
		db,
		sql`select ${currentHierarchyVersion} as version, ${visibilitySetting} as visibility`
	);
	const hierarchyVersion = row.version === null ? null : Number(row.version);
	const context = {
		hierarchy: await loadHierarchy(db, hierarchyVersion),
		visibility: row.visibility
	};
	const read = { hierarchyVersion, context };
	lastReadContexts.set(db, read);
	return read;
}

/** True, as a condition in SQL, while the hierarchy and the visibility setting are as assumed. */
export function isAccessContextCurrent({
	hierarchyVersion,
	context
}: VersionedAccessContext): SQL<boolean> {
	return accessContextCurrentCondition(hierarchyVersion, context.visibility);
}

/** The same for values given as placeholders of a prepared statement. */
export function accessContextCurrentCondition(
	hierarchyVersion: number | null | Placeholder,
	visibility: IdeaVisibility | Placeholder
): SQL<boolean> {
	return sql<boolean>`${currentHierarchyVersion} is not distinct from ${hierarchyVersion}::bigint
		and ${visibilitySetting} = ${visibility}`;
}
