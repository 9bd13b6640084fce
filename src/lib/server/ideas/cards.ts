import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
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

const owners = alias(people, 'owners');

/** A select of idea cards; callers add where, order and limit. */
export function selectIdeaCards() {
	return db
		.select({
			id: ideas.id,
			title: ideas.title,
			status: ideas.status,
			approverLevel: ideas.approverLevel,
			estimatedCost: ideas.estimatedCost,
			selfApprovedAt: ideas.selfApprovedAt,
			benefitType: ideas.benefitType,
			authorId: ideas.authorId,
			authorName: people.displayName,
			teamId: ideas.teamId,
			teamName: teams.name,
			submittedAt: ideas.submittedAt,
			decisionDueAt: ideas.decisionDueAt,
			voteCount: ideas.voteCount,
			commentCount: ideas.commentCount,
			hasPhoto: sql<boolean>`exists (select 1 from ${ideaPhotos} where ${ideaPhotos.ideaId} = ${ideas.id})`,
			targetDate: ideas.targetDate,
			ownerName: owners.displayName,
			implementedAt: ideas.implementedAt,
			realisedSavings: ideas.realisedSavings,
			updatedAt: ideas.updatedAt
		})
		.from(ideas)
		.innerJoin(people, eq(people.id, ideas.authorId))
		.innerJoin(teams, eq(teams.id, ideas.teamId))
		.leftJoin(owners, eq(owners.id, ideas.ownerId))
		.$dynamic();
}
