// Who approves an idea, after Toyota's Kentucky plant (a supervisor approves small suggestions on the
// spot, bigger ones go up) and Whole Foods' team autonomy (a team may accept its own small ideas).

import { formatMoney } from './dates';

/** How far up the hierarchy an idea's approver sits, counted from the team's own manager. */
export const APPROVER_LEVELS = ['own_manager', 'one_up', 'two_up', 'top'] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];

export const APPROVER_LEVEL_LABELS: Record<ApproverLevel, string> = {
	own_manager: 'the team’s own manager',
	one_up: 'the manager one level up',
	two_up: 'the manager two levels up',
	top: 'the top of the hierarchy'
};

/** An organisation-defined cost band: ideas costing up to maxCost (null: any cost) go to a level. */
export interface ApprovalBand {
	maxCost: number | null;
	approverLevel: ApproverLevel;
}

/** Without bands every idea goes to its team's own manager. */
export const DEFAULT_BANDS: readonly ApprovalBand[] = [
	{ maxCost: null, approverLevel: 'own_manager' }
];

export const MAX_BANDS = 6;

/** Bands ordered by their upper limit, the open-ended band last. */
export function sortBands(bands: readonly ApprovalBand[]): ApprovalBand[] {
	return [...bands].sort(
		(a, b) => (a.maxCost ?? Number.POSITIVE_INFINITY) - (b.maxCost ?? Number.POSITIVE_INFINITY)
	);
}

/** The band an estimated cost falls in. An idea without an estimate counts as costing nothing. */
export function bandFor(
	bands: readonly ApprovalBand[],
	estimatedCost: number | null
): ApprovalBand {
	const cost = estimatedCost ?? 0;
	const sorted = sortBands(bands.length > 0 ? bands : DEFAULT_BANDS);
	return sorted.find((band) => band.maxCost === null || cost <= band.maxCost) ?? sorted.at(-1)!;
}

/** "Up to 5,000" / "Above 5,000" / "Any cost": how a band reads on an idea. */
export function describeBand(bands: readonly ApprovalBand[], band: ApprovalBand): string {
	if (band.maxCost !== null) return `Cost up to ${formatMoney(band.maxCost, 0)}`;
	const below = sortBands(bands).filter((other) => other.maxCost !== null);
	return below.length > 0 ? `Cost above ${formatMoney(below.at(-1)!.maxCost!, 0)}` : 'Any cost';
}

/**
 * Checks a set of bands an administrator entered: rising limits, exactly one open-ended band, and
 * approvers that never step down as the cost rises. Returns a message, or null when they are sound.
 */
export function checkBands(bands: readonly ApprovalBand[]): string | null {
	if (bands.length === 0) return 'Keep at least one band.';
	if (bands.length > MAX_BANDS) return `At most ${MAX_BANDS} bands.`;
	if (bands.filter((band) => band.maxCost === null).length !== 1) {
		return 'Exactly one band must cover every cost above the others.';
	}
	const sorted = sortBands(bands);
	for (let index = 1; index < sorted.length; index++) {
		const [lower, upper] = [sorted[index - 1], sorted[index]];
		if (lower.maxCost !== null && lower.maxCost === upper.maxCost) {
			return `Two bands end at ${formatMoney(lower.maxCost, 0)}.`;
		}
		if (
			APPROVER_LEVELS.indexOf(upper.approverLevel) < APPROVER_LEVELS.indexOf(lower.approverLevel)
		) {
			return 'A costlier band cannot go to a lower approver than a cheaper one.';
		}
	}
	return null;
}

// Team self-approval.

/**
 * The most a team may accept by itself: the top of the bands its own manager decides. Null: no
 * ceiling (that band is open-ended); -1: no band goes to the team's own manager at all.
 */
export function ownManagerCeiling(bands: readonly ApprovalBand[]): number | null {
	const own = (bands.length > 0 ? bands : DEFAULT_BANDS).filter(
		(band) => band.approverLevel === 'own_manager'
	);
	if (own.length === 0) return -1;
	if (own.some((band) => band.maxCost === null)) return null;
	return Math.max(...own.map((band) => band.maxCost!));
}

/** How long a manager may veto an idea the team accepted by its own vote. */
export const VETO_WINDOW_HOURS = 48;
const VETO_WINDOW_MS = VETO_WINDOW_HOURS * 60 * 60 * 1000;

export function vetoDeadline(selfApprovedAt: Date): Date {
	return new Date(selfApprovedAt.getTime() + VETO_WINDOW_MS);
}

/** Acceptances since this moment may still be vetoed. */
export function vetoWindowStart(now: Date): Date {
	return new Date(now.getTime() - VETO_WINDOW_MS);
}

export function isWithinVetoWindow(selfApprovedAt: Date, now: Date): boolean {
	return now.getTime() <= selfApprovedAt.getTime() + VETO_WINDOW_MS;
}

/**
 * Whether a team's vote can still decide an idea, as far as the idea itself tells: it waits for a
 * decision in the own-manager band (a team accepts only what its own manager could: self-approval
 * never skips a cost band) and its deadline has not passed (after it, the manager decides).
 */
export function isOpenToTeamVote(
	idea: { status: string; approverLevel: ApproverLevel; decisionDueAt: Date },
	now: Date
): boolean {
	return (
		idea.status === 'awaiting_decision' &&
		idea.approverLevel === 'own_manager' &&
		now <= idea.decisionDueAt
	);
}

/** A team with self-approval on accepts its own ideas that cost at most its limit (no estimate: 0). */
export function isWithinSelfApprovalLimit(
	costLimit: number | null,
	estimatedCost: number | null
): boolean {
	return costLimit !== null && (estimatedCost ?? 0) <= costLimit;
}

/** "5 of 7 active members of Bakery are for it (the author and 4 votes)". */
export function describeTeamVote(tally: {
	teamName: string;
	activeMembers: number;
	membersFor: number;
	isAuthorMember: boolean;
}): string {
	const votesCast = tally.membersFor - (tally.isAuthorMember ? 1 : 0);
	const votes = `${votesCast} ${votesCast === 1 ? 'vote' : 'votes'}`;
	return `${tally.membersFor} of ${tally.activeMembers} active members of ${tally.teamName} are for it (${tally.isAuthorMember ? `the author and ${votes}` : votes})`;
}

/** Votes needed from active members: at least two thirds of them (Whole Foods' team vote). */
export function votesNeededForSelfApproval(activeMembers: number): number {
	return Math.ceil((2 * activeMembers) / 3);
}

/** The team's vote passes: 4 of 6 does, 5 of 8 does not. */
export function meetsTwoThirds(memberVotes: number, activeMembers: number): boolean {
	return activeMembers > 0 && memberVotes >= votesNeededForSelfApproval(activeMembers);
}
