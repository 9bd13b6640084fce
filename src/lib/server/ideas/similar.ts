import { and, desc, inArray, ne, sql } from 'drizzle-orm';
import { db } from '../db';
import { ideas } from '../db/schema';
import { visibleIdeasCondition, type Viewer } from './access';
import { selectIdeaCards, type IdeaCard } from './cards';
import { loadAccessContext } from './load';

const MAX_WORDS = 8;
// Words that say nothing about what an idea is about (English, plus a few of the app's own).
const STOP_WORDS = new Set(
	`the and for with that this from are was were our all not but into onto out off over under
	than then them they their there here have has had its it's you your can could should would will
	what when where which while who why how each every more most less some any one two new use
	using make makes instead idea ideas better improve improvement`.split(/\s+/)
);

/**
 * Up to five open ideas whose words resemble the given title, so people vote on an existing idea
 * instead of submitting it twice. Full-text search with prefix matching on any of the words.
 */
export async function findSimilarIdeas(
	viewer: Viewer,
	text: string,
	excludeIdeaId?: string
): Promise<IdeaCard[]> {
	// Letters and digits only: the words become a to_tsquery expression.
	const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])]
		.filter((word) => !STOP_WORDS.has(word))
		.slice(0, MAX_WORDS);
	if (words.length === 0) return [];
	const query = sql`to_tsquery('simple', ${words.map((word) => `${word}:*`).join(' | ')})`;
	const context = await loadAccessContext(db);
	return selectIdeaCards()
		.where(
			and(
				visibleIdeasCondition(viewer, context),
				inArray(ideas.status, ['awaiting_decision', 'needs_info', 'accepted']),
				sql`${ideas.searchVector} @@ ${query}`,
				excludeIdeaId ? ne(ideas.id, excludeIdeaId) : undefined
			)
		)
		.orderBy(desc(sql`ts_rank(${ideas.searchVector}, ${query})`), desc(ideas.voteCount))
		.limit(5);
}
