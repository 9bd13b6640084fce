import { and, inArray, ne, sql } from 'drizzle-orm';
import {
	isOpenToTeamVote,
	isWithinSelfApprovalLimit,
	type ApproverLevel
} from '../../domain/approval';
import type { IdeaStatus } from '../../domain/ideas';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { UNDECIDED_STATUSES } from '../../domain/status';
import {
	sessionStillValidCondition,
	type AssumedSession,
	type SessionCheck
} from '../auth/session';
import { db, preparedStatement } from '../db';
import { ideas } from '../db/schema';
import { countVotesInRollup } from '../insights/rollups';
import { isUuid } from '../../domain/validation';
import {
	canViewIdea,
	canVoteOnIdea,
	ideaScopeCondition,
	ideaScopeFor,
	type IdeaScope,
	type Viewer
} from './access';
import {
	accessContextCurrentCondition,
	findIdeaInContext,
	recentAccessContext,
	type VersionedAccessContext
} from './load';
import { acceptByTeamVote } from './self-approval';

/**
 * Sets the viewer's vote on an idea on or off. The form says which, so a doubled or retried submit
 * changes nothing; the primary key makes a second vote impossible, and the count moves only with a
 * row actually inserted or deleted, in the same statement, so it stays exact under concurrency.
 * When the vote may complete the team's two thirds, the team's acceptance is checked after it.
 */
export async function castVote(
	voter: Viewer | AssumedVoter,
	ideaId: string,
	wantsVote: boolean,
	now = new Date()
): Promise<Outcome<{ hasVoted: boolean; voteCount: number; isAcceptedByTeam: boolean }>> {
	// Usually one statement: the vote carries the access rule as its condition, worked out for the
	// access context last read, and checks that context is still the current one. A voter assumed
	// from an earlier request has their session checked in it too, so it is not read first.
	const { assumed, confirm }: AssumedVoter =
		'confirm' in voter ? voter : { assumed: null, confirm: async () => voter };
	const fastVoter = assumed?.user ?? (await confirm());
	const access = await recentAccessContext();
	let tally = isUuid(ideaId)
		? await setVote(ideaId, fastVoter.id, wantsVote, now, {
				scope: ideaScopeFor(fastVoter, access.context),
				access,
				session: assumed?.check
			})
		: undefined;
	if (!tally) {
		// Refused, or the context has moved since: read the idea to say why, or vote after all; as
		// the voter really is now, when they were assumed.
		const viewer = assumed ? await confirm() : fastVoter;
		const found = await findIdeaInContext(db, ideaId);
		if (!found || !canViewIdea(viewer, found.idea, found.context)) {
			return reject({ form: 'There is no such idea.' }, 404);
		}
		if (found.idea.authorId === viewer.id) {
			return reject({ form: 'You cannot vote on your own idea.' }, 403);
		}
		if (!canVoteOnIdea(viewer, found.idea, found.context)) return closed();
		// Checked on an unlocked read: an idea's author and team never change, and its status,
		// which does, is checked again under the lock.
		tally = await setVote(found.idea.id, viewer.id, wantsVote, now);
		if (!tally) return closed(); // decided since it was read
	}
	// Also for a vote that was already there: a retry after a check that failed checks again.
	const mayTipTeamVote =
		wantsVote &&
		isOpenToTeamVote(tally.idea, now) &&
		isWithinSelfApprovalLimit(tally.teamCostLimit, tally.idea.estimatedCost);
	const isAcceptedByTeam = mayTipTeamVote && (await acceptByTeamVote(ideaId, now));
	return succeed({ hasVoted: wantsVote, voteCount: tally.idea.voteCount, isAcceptedByTeam });
}

const closed = () => reject({ form: 'This idea is decided; votes are closed.' }, 409);

/**
 * Someone voting from a request (see assumeUser): as this server last saw them, to be checked in
 * the vote's statement, or null when nothing can be assumed; `confirm` reads who they are now.
 */
export interface AssumedVoter {
	assumed: AssumedSession | null;
	confirm: () => Promise<Viewer>;
}

interface VoteTally {
	/** +1 vote added, -1 removed, 0 it already was so. */
	change: number;
	/** The idea as the vote left it. */
	idea: {
		voteCount: number;
		status: IdeaStatus;
		approverLevel: ApproverLevel;
		estimatedCost: number | null;
		decisionDueAt: Date;
	};
	teamCostLimit: number | null;
}

/**
 * Who may cast a vote, checked in the vote's statement: canVoteOnIdea for the viewer's scope as of
 * an access context, which must still be the current one, and the session they were assumed from,
 * which must still be valid. Without it, the caller has checked canVoteOnIdea itself.
 */
interface VoteCheck {
	scope: IdeaScope;
	access: VersionedAccessContext;
	session?: SessionCheck;
}

/** The vote statement's variants: vote or unvote, and what it checks (see VoteCheck). */
interface VoteShape {
	wantsVote: boolean;
	/** The voter's scope, or 'checked-before' when the caller checked canVoteOnIdea. */
	scope: IdeaScope['kind'] | 'checked-before';
	hasSession: boolean;
}

/**
 * The vote in one statement, so one round trip: locks the idea if it still takes votes, inserts or
 * deletes the vote row, and moves the idea's count and its day's rollup by what really changed.
 * Prepared per shape, with its values as placeholders.
 */
const voteStatement = preparedStatement<
	VoteShape,
	{
		change: number;
		vote_count: number;
		status: IdeaStatus;
		approver_level: ApproverLevel;
		estimated_cost: string | number | null;
		decision_due_at: Date | string;
		self_approval_cost_limit: string | number | null;
	}
>(
	({ wantsVote, scope, hasSession }) => `${wantsVote ? 'on' : 'off'}:${scope}:${hasSession}`,
	({ wantsVote, scope, hasSession }) => {
		const personId = sql.placeholder('personId');
		const condition =
			scope === 'checked-before'
				? sql`true`
				: and(
						ne(ideas.authorId, personId),
						ideaScopeCondition(scope, personId, sql.placeholder('teamIds')),
						accessContextCurrentCondition(
							sql.placeholder('hierarchyVersion'),
							sql.placeholder('visibility')
						),
						// The session must be the voter's own: its person is the same placeholder.
						hasSession
							? sessionStillValidCondition({
									sessionId: sql.placeholder('sessionId'),
									personId,
									homeTeamId: sql.placeholder('homeTeamId'),
									roles: sql.placeholder('roles')
								})
							: undefined
					)!;
		const changeVote = wantsVote
			? sql`insert into votes (idea_id, person_id, created_at)
				select id, ${personId}, ${sql.placeholder('now')}::timestamptz from target
				on conflict do nothing returning 1 as step`
			: sql`delete from votes where idea_id = (select id from target) and person_id = ${personId}
				returning -1 as step`;
		const change = sql`(select coalesce(sum(step), 0)::int from changed)`;
		return sql`with target as (
				select id, team_id, submitted_at from ideas
				where id = ${sql.placeholder('ideaId')} and ${inArray(ideas.status, UNDECIDED_STATUSES)}
					and ${condition}
				for update
			), changed as (${changeVote}),
			counted as (
				update ideas set vote_count = vote_count + ${change} from target where ideas.id = target.id
				returning ideas.team_id, ideas.vote_count, ideas.status, ideas.approver_level,
					ideas.estimated_cost, ideas.decision_due_at
			), rollup as (${countVotesInRollup('target', change)})
			select ${change} as change, counted.*, teams.self_approval_cost_limit
			from counted join teams on teams.id = counted.team_id`;
	}
);

/**
 * Sets the vote: undefined when the idea does not take it (decided since it was read, or not
 * allowed by `check`).
 */
async function setVote(
	ideaId: string,
	personId: string,
	wantsVote: boolean,
	now: Date,
	check?: VoteCheck
): Promise<VoteTally | undefined> {
	const session = check?.session;
	if (session && session.personId !== personId) {
		throw new Error('A vote may only be checked against the voter’s own session.');
	}
	const shape: VoteShape = {
		wantsVote,
		scope: check?.scope.kind ?? 'checked-before',
		hasSession: session !== undefined
	};
	const [row] = await voteStatement(shape, {
		ideaId,
		personId,
		now: now.toISOString(),
		teamIds: check?.scope.kind === 'ownOrTeams' ? check.scope.teamIds : [],
		hierarchyVersion: check?.access.hierarchyVersion ?? null,
		visibility: check?.access.context.visibility ?? null,
		sessionId: session?.sessionId,
		homeTeamId: session?.homeTeamId,
		roles: session?.roles
	});
	if (!row) return undefined;
	const amount = (value: string | number | null) => (value === null ? null : Number(value));
	return {
		change: row.change,
		idea: {
			voteCount: row.vote_count,
			status: row.status,
			approverLevel: row.approver_level,
			estimatedCost: amount(row.estimated_cost),
			decisionDueAt: new Date(row.decision_due_at)
		},
		teamCostLimit: amount(row.self_approval_cost_limit)
	};
}
