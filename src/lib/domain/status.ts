import type { IdeaStatus } from './ideas';

/** What a transition needs besides the permission to make it. */
export interface TransitionRule {
	from: IdeaStatus;
	to: IdeaStatus;
	/**
	 * Who may make it: the idea's deciding managers, its author, the team by its own vote
	 * (self-approval), or a deciding manager vetoing that vote within the veto window.
	 */
	by: 'manager' | 'author' | 'team' | 'veto';
	/** Words to the author that must be given (the reason for a rejection, the question …). */
	needsNote: boolean;
	/** Acceptance names who implements it and by when. */
	needsOwnerAndTargetDate?: boolean;
	/** Implementation reports what was done (the note) and may report realised savings. */
	recordsResult?: boolean;
	label: string;
}

/** The one source of truth for how ideas move. */
export const TRANSITIONS: readonly TransitionRule[] = [
	{
		from: 'awaiting_decision',
		to: 'accepted',
		by: 'manager',
		needsNote: false,
		needsOwnerAndTargetDate: true,
		label: 'Accept'
	},
	{ from: 'awaiting_decision', to: 'rejected', by: 'manager', needsNote: true, label: 'Reject' },
	{
		from: 'awaiting_decision',
		to: 'needs_info',
		by: 'manager',
		needsNote: true,
		label: 'Ask for more information'
	},
	// The author answers; the deadline does not reset.
	{ from: 'needs_info', to: 'awaiting_decision', by: 'author', needsNote: false, label: 'Answer' },
	// An unanswered question must not leave an idea stuck: the manager may still decide it.
	{
		from: 'needs_info',
		to: 'accepted',
		by: 'manager',
		needsNote: false,
		needsOwnerAndTargetDate: true,
		label: 'Accept'
	},
	{ from: 'needs_info', to: 'rejected', by: 'manager', needsNote: true, label: 'Reject' },
	{
		from: 'accepted',
		to: 'implemented',
		by: 'manager',
		needsNote: true,
		recordsResult: true,
		label: 'Mark implemented'
	},
	{ from: 'accepted', to: 'dropped', by: 'manager', needsNote: true, label: 'Drop' },
	// Team self-approval: two thirds of the team's active members vote for it before the deadline…
	{
		from: 'awaiting_decision',
		to: 'accepted',
		by: 'team',
		needsNote: false,
		label: 'Accepted by team vote'
	},
	// …and a deciding manager may overturn that, with a reason, within 48 hours.
	{ from: 'accepted', to: 'rejected', by: 'veto', needsNote: true, label: 'Veto' }
];

/** The rule for a move (by anyone, or by the given kind of actor). */
export function findTransition(
	from: IdeaStatus,
	to: IdeaStatus,
	by?: TransitionRule['by']
): TransitionRule | undefined {
	return TRANSITIONS.find(
		(rule) => rule.from === from && rule.to === to && (by === undefined || rule.by === by)
	);
}

export function transitionsFrom(from: IdeaStatus, by: TransitionRule['by']): TransitionRule[] {
	return TRANSITIONS.filter((rule) => rule.from === from && rule.by === by);
}

/** Open ideas still wait for something; the others are settled. */
export function isOpen(status: IdeaStatus): boolean {
	return status === 'awaiting_decision' || status === 'needs_info' || status === 'accepted';
}

/**
 * Still to be decided: waiting for the decision or for the author's answer. Such ideas take votes
 * and edits; every other status counts as decided for the ten-day promise.
 */
export const UNDECIDED_STATUSES = [
	'awaiting_decision',
	'needs_info'
] as const satisfies IdeaStatus[];

export function isDecided(status: IdeaStatus): boolean {
	return !(UNDECIDED_STATUSES as readonly IdeaStatus[]).includes(status);
}

/**
 * Who may be named to implement an idea accepted from the queue: its author (the default) or the
 * deciding manager. Anyone else is chosen on the idea's own page. (The queue never offers a
 * manager their own idea: someone above decides it.)
 */
export function quickOwnerChoices(
	author: { id: string; name: string },
	manager: { id: string; name: string }
): { id: string; name: string }[] {
	return [
		{ id: author.id, name: `${author.name} (the author)` },
		{ id: manager.id, name: `${manager.name} (you)` }
	];
}
