import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { isWithinVetoWindow, vetoDeadline } from '../../domain/approval';
import { formatDueDate, waitingDeadlineState, type DeadlineState } from '../../domain/deadline';
import type { IdeaStatus } from '../../domain/ideas';
import { isOpen, transitionsFrom, type TransitionRule } from '../../domain/status';
import { db } from '../db';
import { anyId } from '../db/any-id';
import {
	comments,
	ideaEvents,
	ideaPhotos,
	ideas,
	people,
	teams,
	thanks,
	votes,
	type Idea
} from '../db/schema';
import { getOrganisationSettings } from '../org/settings';
import { canDecideIdea, canViewIdea, canVoteOnIdea, type Viewer } from './access';
import { describeApprovalRoute, type ApprovalRoute } from './approval';
import { ideaCardColumns, type IdeaCard } from './cards';
import { getSelfApprovalProgress, type SelfApprovalProgress } from './self-approval';
import { findIdeaInContext } from './load';
import { managedSubtreeFor } from './routing';

export interface IdeaDetail {
	idea: Idea;
	authorName: string;
	teamName: string;
	ownerName: string | null;
	hasPhoto: boolean;
	hasVoted: boolean;
	dueDateLabel: string;
	/** Only while the idea waits for a decision. */
	deadline: DeadlineState | null;
	events: {
		id: number;
		at: Date;
		actorName: string | null;
		from: IdeaStatus | null;
		to: IdeaStatus;
		note: string | null;
	}[];
	comments: { id: string; authorName: string; body: string; createdAt: Date; isOwn: boolean }[];
	can: { vote: boolean; comment: boolean; edit: boolean; decide: boolean; thank: boolean };
	thanks: { id: string; fromName: string; message: string; createdAt: Date }[];
	/** The moves the viewer may make as a deciding manager. */
	decisions: TransitionRule[];
	/** People who may be named to implement it (when the viewer can accept it). */
	ownerCandidates: { id: string; name: string }[];
	/** The cost band the idea falls in and who approves it. */
	approval: ApprovalRoute;
	/** The team's own vote, while the idea waits and the team may accept it itself. */
	selfApproval: SelfApprovalProgress | null;
	/** Until when a deciding manager may veto the team's acceptance (only shown to them). */
	vetoUntil: Date | null;
}

const actors = alias(people, 'actors');
const owners = alias(people, 'owners');

/** Everything the idea page shows, or null when the idea does not exist or is not for this viewer. */
export async function getIdeaDetail(
	viewer: Viewer,
	ideaId: string,
	now = new Date()
): Promise<IdeaDetail | null> {
	const found = await findIdeaInContext(db, ideaId);
	if (!found || !canViewIdea(viewer, found.idea, found.context)) return null;
	const { idea, context } = found;
	const settings = await getOrganisationSettings();

	const [names] = await db
		.select({ authorName: people.displayName, teamName: teams.name, ownerName: owners.displayName })
		.from(ideas)
		.innerJoin(people, eq(people.id, ideas.authorId))
		.innerJoin(teams, eq(teams.id, ideas.teamId))
		.leftJoin(owners, eq(owners.id, ideas.ownerId))
		.where(eq(ideas.id, ideaId));
	const [photo] = await db
		.select({ ideaId: ideaPhotos.ideaId })
		.from(ideaPhotos)
		.where(eq(ideaPhotos.ideaId, ideaId));
	const [vote] = await db
		.select({ ideaId: votes.ideaId })
		.from(votes)
		.where(and(eq(votes.ideaId, ideaId), eq(votes.personId, viewer.id)));
	const events = await db
		.select({
			id: ideaEvents.id,
			at: ideaEvents.at,
			actorName: actors.displayName,
			from: ideaEvents.fromStatus,
			to: ideaEvents.toStatus,
			note: ideaEvents.note
		})
		.from(ideaEvents)
		.leftJoin(actors, eq(actors.id, ideaEvents.actorId))
		.where(eq(ideaEvents.ideaId, ideaId))
		.orderBy(asc(ideaEvents.id));
	const commentRows = await db
		.select({
			id: comments.id,
			authorId: comments.authorId,
			authorName: people.displayName,
			body: comments.body,
			createdAt: comments.createdAt
		})
		.from(comments)
		.innerJoin(people, eq(people.id, comments.authorId))
		.where(eq(comments.ideaId, ideaId))
		.orderBy(asc(comments.createdAt), asc(comments.id));

	const canDecide = canDecideIdea(viewer, idea, context);
	const decisions = canDecide ? transitionsFrom(idea.status, 'manager') : [];
	const ownerCandidates = decisions.some((rule) => rule.needsOwnerAndTargetDate)
		? await listOwnerCandidates([idea.teamId, ...managedSubtreeFor(context.hierarchy, viewer.id)])
		: [];

	return {
		idea,
		...names,
		hasPhoto: Boolean(photo),
		hasVoted: Boolean(vote),
		dueDateLabel: formatDueDate(idea.decisionDueAt, settings.timeZone),
		deadline: waitingDeadlineState(idea, now, settings.timeZone),
		// Only a team's own vote accepts an idea without a person behind it.
		events: events.map((event) => ({
			...event,
			actorName: event.actorName ?? (event.to === 'accepted' ? 'Team vote' : null)
		})),
		comments: commentRows.map(({ authorId, ...comment }) => ({
			...comment,
			isOwn: authorId === viewer.id
		})),
		can: {
			vote: canVoteOnIdea(viewer, idea, context),
			comment: true,
			edit:
				idea.authorId === viewer.id &&
				(idea.status === 'awaiting_decision' || idea.status === 'needs_info'),
			decide: canDecide && isOpen(idea.status),
			thank: canDecide
		},
		thanks: await db
			.select({
				id: thanks.id,
				fromName: people.displayName,
				message: thanks.message,
				createdAt: thanks.createdAt
			})
			.from(thanks)
			.innerJoin(people, eq(people.id, thanks.fromPersonId))
			.where(eq(thanks.ideaId, ideaId))
			.orderBy(asc(thanks.createdAt)),
		decisions,
		ownerCandidates,
		approval: await describeApprovalRoute(db, idea, context.hierarchy),
		selfApproval: await getSelfApprovalProgress(db, idea, now),
		vetoUntil:
			canDecide &&
			idea.status === 'accepted' &&
			idea.selfApprovedAt &&
			isWithinVetoWindow(idea.selfApprovedAt, now)
				? vetoDeadline(idea.selfApprovedAt)
				: null
	};
}

async function listOwnerCandidates(teamIds: string[]) {
	const rows = await db
		.select({ id: people.id, name: people.displayName })
		.from(people)
		.where(and(anyId(people.homeTeamId, teamIds), isNull(people.deactivatedAt)))
		.orderBy(asc(people.displayName))
		.limit(300);
	return rows;
}

export interface MyIdeasPage {
	ideas: IdeaCard[];
	/** All of the author's ideas, shown or not. */
	total: number;
}

/**
 * The author's own ideas: those waiting for their answer first, then newest first; the first
 * `limit` of them, with how many there are in all.
 */
export async function listMyIdeas(author: Viewer, limit: number): Promise<MyIdeasPage> {
	const rows = await db
		.select({ ...ideaCardColumns, total: sql<number>`(count(*) over ())::int` })
		.from(ideas)
		.where(eq(ideas.authorId, author.id))
		.orderBy(desc(sql`${ideas.status} = 'needs_info'`), desc(ideas.submittedAt), desc(ideas.id))
		.limit(limit);
	return { ideas: rows.map(({ total: _, ...card }) => card), total: rows[0]?.total ?? 0 };
}

/** How many ideas the author has shared, how many were accepted and how many implemented. */
export async function countMyIdeas(authorId: string) {
	const [counts] = await db
		.select({
			submitted: sql<number>`count(*)::int`,
			accepted: sql<number>`(count(*) filter (where ${inArray(ideas.status, ['accepted', 'implemented'])}))::int`,
			implemented: sql<number>`(count(*) filter (where ${eq(ideas.status, 'implemented')}))::int`
		})
		.from(ideas)
		.where(eq(ideas.authorId, authorId));
	return counts;
}
