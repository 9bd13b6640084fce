import { sql, type SQL } from 'drizzle-orm';
import type { ApproverLevel } from '../../domain/approval';
import type { BenefitType, IdeaStatus } from '../../domain/ideas';
import { db } from '../db';
import { ideaPhotos, ideas, people, teams } from '../db/schema';

/** What a list shows of an idea: enough for a card, never the photo bytes. */
export interface IdeaCard {
	id: string;
	title: string;
	status: IdeaStatus;
	approverLevel: ApproverLevel;
	estimatedCost: number | null;
	selfApprovedAt: Date | null;
	benefitType: BenefitType;
	authorId: string;
	authorName: string;
	teamId: string;
	teamName: string;
	submittedAt: Date;
	decisionDueAt: Date;
	voteCount: number;
	commentCount: number;
	hasPhoto: boolean;
	targetDate: string | null;
	ownerName: string | null;
	implementedAt: Date | null;
	realisedSavings: number | null;
	updatedAt: Date;
}

/**
 * A column of the idea a row is about, named in full. A select from one table names its columns
 * bare, and inside a sub-select a bare name means the sub-select's own table first.
 */
const ofIdea = (column: 'id' | 'author_id' | 'owner_id' | 'team_id') =>
	sql`${ideas}.${sql.identifier(column)}`;

/** A person's display name as a column: a lookup by primary key for each row. */
const personName = (personId: SQL) =>
	sql<string>`(select ${people.displayName} from ${people} where ${people.id} = ${personId})`;

/** What selectIdeaCards selects, to extend with more columns. */
export const ideaCardColumns = {
	id: ideas.id,
	title: ideas.title,
	status: ideas.status,
	approverLevel: ideas.approverLevel,
	estimatedCost: ideas.estimatedCost,
	selfApprovedAt: ideas.selfApprovedAt,
	benefitType: ideas.benefitType,
	authorId: ideas.authorId,
	authorName: personName(ofIdea('author_id')),
	teamId: ideas.teamId,
	teamName: sql<string>`(select ${teams.name} from ${teams} where ${teams.id} = ${ofIdea('team_id')})`,
	submittedAt: ideas.submittedAt,
	decisionDueAt: ideas.decisionDueAt,
	voteCount: ideas.voteCount,
	commentCount: ideas.commentCount,
	hasPhoto: sql<boolean>`exists (select 1 from ${ideaPhotos} where ${ideaPhotos.ideaId} = ${ofIdea('id')})`,
	targetDate: ideas.targetDate,
	ownerName: personName(ofIdea('owner_id')) as SQL<string | null>,
	implementedAt: ideas.implementedAt,
	realisedSavings: ideas.realisedSavings,
	updatedAt: ideas.updatedAt
};

/**
 * A select of idea cards; callers add where, order and limit. Names come from lookups, not joins:
 * the same rows, and a third of the planning time (the queue plans its lists on every request).
 */
export function selectIdeaCards() {
	return db.select(ideaCardColumns).from(ideas).$dynamic();
}
