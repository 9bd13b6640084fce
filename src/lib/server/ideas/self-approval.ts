import { and, count, eq, gte, isNotNull, isNull, lte } from 'drizzle-orm';
import {
	describeTeamVote,
	isOpenToTeamVote,
	isWithinSelfApprovalLimit,
	isWithinVetoWindow,
	meetsTwoThirds,
	vetoDeadline,
	votesNeededForSelfApproval,
	VETO_WINDOW_HOURS
} from '../../domain/approval';
import { formatDateTime } from '../../domain/dates';
import { suggestedTargetDate } from '../../domain/deadline';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { findTransition } from '../../domain/status';
import { db, type DatabaseOrTransaction } from '../db';
import { ideaEvents, ideas, people, teams, votes, type Idea } from '../db/schema';
import { readRollupTimeZone, recordDecision, recordVeto } from '../insights/rollups';
import { notify } from '../notify/notify';
import { awardPoints, reversePoints } from '../recognition/points';
import { canDecideIdea, type Viewer } from './access';
import { personNames } from './approval';
import { findIdea, findIdeaInContext } from './load';
import { loadHierarchy, routeIdea } from './routing';

const TEAM_VOTE = findTransition('awaiting_decision', 'accepted', 'team')!;

export interface SelfApprovalProgress {
	teamName: string;
	costLimit: number;
	activeMembers: number;
	/** Active members for the idea: its author (when on the team) and those who voted by the deadline. */
	membersFor: number;
	isAuthorMember: boolean;
	votesNeeded: number;
	closesAt: Date;
}

/** Who counts in a team's vote: people who can sign in (not invited only, not deactivated). */
export const isActiveMember = and(isNull(people.deactivatedAt), isNotNull(people.passwordHash));

/**
 * Where an idea stands in its team's self-approval, or null when it is not eligible: the team has
 * it off, the idea costs more than the team's limit or is in a band above the team's own manager,
 * or it no longer waits for a decision or its deadline has passed. Active members are those who can sign in (not invited,
 * not gone); the author, who cannot vote on their own idea, counts as for it.
 */
export async function getSelfApprovalProgress(
	tx: DatabaseOrTransaction,
	idea: Pick<
		Idea,
		'id' | 'teamId' | 'authorId' | 'status' | 'approverLevel' | 'estimatedCost' | 'decisionDueAt'
	>,
	now = new Date()
): Promise<SelfApprovalProgress | null> {
	if (!isOpenToTeamVote(idea, now)) return null;
	const [team] = await tx
		.select({ name: teams.name, costLimit: teams.selfApprovalCostLimit })
		.from(teams)
		.where(eq(teams.id, idea.teamId));
	if (!team || !isWithinSelfApprovalLimit(team.costLimit, idea.estimatedCost)) return null;
	const activeMember = and(eq(people.homeTeamId, idea.teamId), isActiveMember);
	const [[members], [memberVotes], [author]] = await Promise.all([
		tx.select({ count: count() }).from(people).where(activeMember),
		// Only active members' votes count, and only those cast by the deadline.
		tx
			.select({ count: count() })
			.from(votes)
			.innerJoin(people, eq(people.id, votes.personId))
			.where(
				and(eq(votes.ideaId, idea.id), activeMember, lte(votes.createdAt, idea.decisionDueAt))
			),
		tx
			.select({ id: people.id })
			.from(people)
			.where(and(eq(people.id, idea.authorId), activeMember))
	]);
	return {
		teamName: team.name,
		costLimit: team.costLimit!,
		activeMembers: members.count,
		membersFor: memberVotes.count + (author ? 1 : 0),
		isAuthorMember: Boolean(author),
		votesNeeded: votesNeededForSelfApproval(members.count),
		closesAt: idea.decisionDueAt
	};
}

/**
 * After a vote that added support, committed in its own statement: acceptIfTeamApproves under the
 * idea's row lock. Votes committed meanwhile are counted too, so a tipping vote is never missed.
 */
export async function acceptByTeamVote(ideaId: string, now: Date): Promise<boolean> {
	return db.transaction(async (tx) => {
		const idea = await findIdea(tx, ideaId, { forUpdate: true });
		return idea ? acceptIfTeamApproves(tx, idea, now) : false;
	});
}

/**
 * After a vote or an edit: accepts the idea on the team's behalf when two thirds of the
 * team's active members have voted for it before its deadline. The author leads the
 * implementation; the deciding managers are told and may veto within 48 hours. Returns whether the
 * team accepted it now. Callers hold the idea's row lock, so checks take turns and each counts
 * every vote committed before it: the last needed vote always tips it.
 */
export async function acceptIfTeamApproves(
	tx: DatabaseOrTransaction,
	idea: Idea,
	now: Date
): Promise<boolean> {
	const progress = await getSelfApprovalProgress(tx, idea, now);
	if (!progress || !meetsTwoThirds(progress.membersFor, progress.activeMembers)) return false;

	const timeZone = await readRollupTimeZone(tx);
	const tally = describeTeamVote(progress);
	const [accepted] = await tx
		.update(ideas)
		.set({
			status: TEAM_VOTE.to,
			decidedAt: now,
			decidedById: null,
			selfApprovedAt: now,
			decisionNote: `Accepted by the team: ${tally}.`,
			ownerId: idea.authorId,
			targetDate: suggestedTargetDate(now, timeZone),
			updatedAt: now
		})
		.where(and(eq(ideas.id, idea.id), eq(ideas.status, TEAM_VOTE.from)))
		.returning({ id: ideas.id });
	if (!accepted) return false;

	await recordDecision(tx, idea, { decidedAt: now, isAccepted: true }, timeZone);
	await awardPoints(tx, idea, 'accepted', { now });
	const { deciders } = routeIdea(await loadHierarchy(tx), idea);
	const vetoUntil = formatDateTime(vetoDeadline(now), timeZone);
	const managerNames = await personNames(tx, deciders);
	await tx.insert(ideaEvents).values({
		ideaId: idea.id,
		actorId: null,
		at: now,
		fromStatus: TEAM_VOTE.from,
		toStatus: TEAM_VOTE.to,
		note:
			`Accepted by team vote: ${tally}, by the deadline. ` +
			(deciders.length > 0
				? `${managerNames.join(', ')} told; a veto is possible until ${vetoUntil}.`
				: 'No manager to tell.')
	});
	await notify(
		tx,
		{
			recipientIds: [idea.authorId],
			ideaId: idea.id,
			kind: 'idea_decided',
			title: `Your team accepted your idea: ${idea.title}`,
			body: `${tally}. You lead the implementation.`,
			link: `/ideas/${idea.id}`
		},
		now
	);
	await notify(
		tx,
		{
			recipientIds: deciders,
			ideaId: idea.id,
			kind: 'idea_self_approved',
			title: `Accepted by team vote: ${idea.title}`,
			body: `${tally}. You may veto it, with a reason, until ${vetoUntil}.`,
			link: `/ideas/${idea.id}`
		},
		now
	);
	return true;
}

/**
 * After a team lost an active member (who left or moved): the two thirds are counted again for
 * the team's ideas still open to its vote, since fewer votes may now be enough.
 */
export async function reconsiderTeamVotes(
	tx: DatabaseOrTransaction,
	teamId: string,
	now = new Date()
): Promise<number> {
	const open = await tx
		.select()
		.from(ideas)
		.where(
			and(
				eq(ideas.teamId, teamId),
				eq(ideas.status, 'awaiting_decision'),
				gte(ideas.decisionDueAt, now)
			)
		);
	let accepted = 0;
	for (const idea of open) if (await acceptIfTeamApproves(tx, idea, now)) accepted++;
	return accepted;
}

const VETO = findTransition('accepted', 'rejected', 'veto')!;

/**
 * A deciding manager overturns the team's acceptance, with a reason, within 48 hours of it. The
 * idea ends rejected; the acceptance points are taken back by a correction entry; the author (and
 * the audit trail) are told why.
 */
export async function vetoSelfApproval(
	manager: Viewer,
	ideaId: string,
	reason: string,
	now = new Date()
): Promise<Outcome<null>> {
	return db.transaction(async (tx) => {
		const found = await findIdeaInContext(tx, ideaId);
		if (!found) return reject({ form: 'There is no such idea.' }, 404);
		const { idea } = found;
		if (!canDecideIdea(manager, idea, found.context)) {
			return reject({ form: 'Only a manager who decides this idea may veto it.' }, 403);
		}
		if (idea.status !== VETO.from || !idea.selfApprovedAt) {
			return reject({ form: 'Only an idea the team accepted by its own vote can be vetoed.' }, 409);
		}
		const timeZone = await readRollupTimeZone(tx);
		if (!isWithinVetoWindow(idea.selfApprovedAt, now)) {
			return reject(
				{
					form: `The ${VETO_WINDOW_HOURS}-hour veto window closed at ${formatDateTime(vetoDeadline(idea.selfApprovedAt), timeZone)}.`
				},
				409
			);
		}
		if (VETO.needsNote && !reason) {
			return reject({ reason: 'Give a reason: the team deserves to know why.' });
		}

		const [vetoed] = await tx
			.update(ideas)
			.set({
				status: VETO.to,
				decidedById: manager.id,
				decisionNote: reason,
				ownerId: null,
				targetDate: null,
				closedAt: now,
				updatedAt: now
			})
			.where(and(eq(ideas.id, ideaId), eq(ideas.status, VETO.from)))
			.returning({ id: ideas.id });
		if (!vetoed) return reject({ form: 'This idea changed meanwhile. Reload it.' }, 409);
		// The decision keeps its time (the team decided on time); it just no longer counts as accepted.
		await recordVeto(tx, { teamId: idea.teamId, decidedAt: idea.decidedAt! }, timeZone);
		await reversePoints(tx, idea, 'accepted', 'Team acceptance vetoed', now);
		await tx.insert(ideaEvents).values({
			ideaId,
			actorId: manager.id,
			at: now,
			fromStatus: VETO.from,
			toStatus: VETO.to,
			note: `Vetoed the team’s acceptance: ${reason}`
		});
		await notify(
			tx,
			{
				recipientIds: [idea.authorId],
				ideaId,
				kind: 'idea_decided',
				title: `The team’s acceptance was vetoed: ${idea.title}`,
				body: reason,
				link: `/ideas/${ideaId}`
			},
			now
		);
		return succeed(null);
	});
}
