import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { BenefitType, IdeaStatus } from '../../domain/ideas';
import { UNDECIDED_STATUSES } from '../../domain/status';
import { db } from '../db';
import { ideas } from '../db/schema';
import { visibleIdeasCondition, type Viewer } from './access';
import { ideaCardColumns, type IdeaCard } from './cards';
import { isUuid } from '../../domain/validation';
import {
	isAccessContextCurrent,
	readAccessContext,
	recentAccessContext,
	type VersionedAccessContext
} from './load';

export type FeedSort = 'newest' | 'votes' | 'due';

export interface FeedQuery {
	scope: 'team' | 'all';
	sort: FeedSort;
	status?: IdeaStatus;
	benefitType?: BenefitType;
	search?: string;
	cursor?: string;
}

export const FEED_PAGE_SIZE = 20;

interface Cursor {
	/** submittedAt (newest, votes) or decisionDueAt (due), ISO */
	at: string;
	votes?: number;
	id: string;
}

function encodeCursor(cursor: Cursor): string {
	return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** A cursor from the URL; anything malformed means "from the top", never an error. */
function decodeCursor(raw: string | undefined): Cursor | null {
	if (!raw) return null;
	try {
		const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
		// Every part is checked to the letter: it ends up cast to timestamptz, uuid and int in SQL.
		const isValid =
			typeof value.at === 'string' &&
			/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value.at) &&
			new Date(value.at).toISOString() === value.at &&
			typeof value.id === 'string' &&
			isUuid(value.id) &&
			(value.votes === undefined ||
				(Number.isInteger(value.votes) && value.votes >= 0 && value.votes < 2 ** 31));
		return isValid ? value : null;
	} catch {
		return null;
	}
}

/**
 * The idea feed with keyset pagination: each page continues after the last card of the previous
 * one, so pages stay fast and stable however deep one scrolls and however many ideas arrive.
 * "Due soonest" lists the ideas still waiting for a decision.
 */
export async function listFeed(viewer: Viewer, query: FeedQuery): Promise<FeedPage> {
	// Usually one statement: the cards, chosen by the access context last read, which the same
	// statement confirms is still current. Otherwise (or with no cards to say so) read it again.
	const read = await readFeed(viewer, query, await recentAccessContext());
	if (read.isContextCurrent) return read.page;
	return (await readFeed(viewer, query, await readAccessContext())).page;
}

interface FeedPage {
	items: IdeaCard[];
	nextCursor: string | null;
}

async function readFeed(
	viewer: Viewer,
	query: FeedQuery,
	access: VersionedAccessContext
): Promise<{ page: FeedPage; isContextCurrent: boolean }> {
	const conditions: (SQL | undefined)[] = [visibleIdeasCondition(viewer, access.context)];
	if (query.scope === 'team') conditions.push(eq(ideas.teamId, viewer.homeTeamId));
	if (query.status) conditions.push(eq(ideas.status, query.status));
	if (query.benefitType) conditions.push(eq(ideas.benefitType, query.benefitType));
	if (query.search?.trim()) {
		conditions.push(
			sql`${ideas.searchVector} @@ websearch_to_tsquery('simple', ${query.search.trim()})`
		);
	}
	if (query.sort === 'due') {
		conditions.push(inArray(ideas.status, UNDECIDED_STATUSES));
	}

	const cursor = decodeCursor(query.cursor);
	if (cursor) conditions.push(afterCursor(query.sort, cursor));

	const order = {
		newest: [desc(ideas.submittedAt), desc(ideas.id)],
		votes: [desc(ideas.voteCount), desc(ideas.submittedAt), desc(ideas.id)],
		due: [asc(ideas.decisionDueAt), asc(ideas.id)]
	}[query.sort];

	const rows = await db
		.select({ card: ideaCardColumns, isContextCurrent: isAccessContextCurrent(access) })
		.from(ideas)
		.where(and(...conditions))
		.orderBy(...order)
		.limit(FEED_PAGE_SIZE + 1);
	const items = rows.slice(0, FEED_PAGE_SIZE).map((row) => row.card);
	const last = items.at(-1);
	const nextCursor =
		rows.length > FEED_PAGE_SIZE && last
			? encodeCursor({
					at: (query.sort === 'due' ? last.decisionDueAt : last.submittedAt).toISOString(),
					votes: query.sort === 'votes' ? last.voteCount : undefined,
					id: last.id
				})
			: null;
	return { page: { items, nextCursor }, isContextCurrent: rows[0]?.isContextCurrent ?? false };
}

// Row comparisons match the sort order exactly; the timestamps travel as ISO text with a cast,
// which both drivers bind the same way.
function afterCursor(sort: FeedSort, cursor: Cursor): SQL {
	const at = sql`${cursor.at}::timestamptz`;
	if (sort === 'due')
		return sql`(${ideas.decisionDueAt}, ${ideas.id}) > (${at}, ${cursor.id}::uuid)`;
	if (sort === 'votes') {
		return sql`(${ideas.voteCount}, ${ideas.submittedAt}, ${ideas.id}) < (${cursor.votes ?? 0}::int, ${at}, ${cursor.id}::uuid)`;
	}
	return sql`(${ideas.submittedAt}, ${ideas.id}) < (${at}, ${cursor.id}::uuid)`;
}
