// The life of every generated idea, decided up front so that each table written afterwards (ideas,
// votes, events, points, …) agrees with the others: statuses match timestamps, counts match rows.
import type { Clock } from './clock';
import { decidersFor, type Organisation } from './organisation';
import { Random, UuidList, WeightedSampler } from './random';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Indexes into IDEA_STATUSES (src/lib/domain/ideas.ts), in its order. */
export const AWAITING = 0;
export const NEEDS_INFO = 1;
export const ACCEPTED = 2;
export const REJECTED = 3;
export const IMPLEMENTED = 4;
export const DROPPED = 5;

/** Index into BENEFIT_TYPES: safety, quality, cost, time, customer, environment, people. */
const BENEFIT_WEIGHTS = [0.12, 0.2, 0.22, 0.22, 0.1, 0.06, 0.08];
/** How often an implemented idea of each benefit reports realised savings. */
const SAVINGS_SHARE = [0.15, 0.4, 0.75, 0.75, 0.15, 0.4, 0.15];

export interface IdeaPlan {
	count: number;
	ids: UuidList;
	author: Uint32Array;
	team: Uint32Array;
	benefit: Uint8Array;
	status: Uint8Array;
	submittedAt: Float64Array;
	dueAt: Float64Array;
	/** NaN while undecided. */
	decidedAt: Float64Array;
	/** Implemented or dropped; NaN otherwise. */
	finishedAt: Float64Array;
	/** A round of "needs more information": asked, and answered (NaN while unanswered). */
	infoAskedAt: Float64Array;
	infoAnsweredAt: Float64Array;
	/** The manager who decided (or asked), -1 if none. */
	decider: Int32Array;
	/** Who implements an accepted idea, -1 if none. */
	owner: Int32Array;
	/** Target date of an accepted idea (UTC ms of an instant on that local day), NaN if none. */
	targetAt: Float64Array;
	/** Realised savings of an implemented idea, NaN if none reported. */
	savings: Float64Array;
	voteCount: Uint32Array;
	commentCount: Uint32Array;
	/** Votes close at the decision: the end of the window in which votes were cast. */
	votesUntil(index: number): number;
	updatedAt(index: number): number;
}

export interface IdeaPlanOptions {
	ideas: number;
	votes: number;
	comments: number;
	years: number;
	nowMs: number;
	deadlineDays: number;
}

/** Largest number of votes one idea gets (and never more than the people who could cast them). */
export const MAX_VOTES_PER_IDEA = 5000;
const MAX_COMMENTS_PER_IDEA = 300;

export function planIdeas(
	org: Organisation,
	options: IdeaPlanOptions,
	clock: Clock,
	seed: number
): IdeaPlan {
	const random = new Random(seed, 10);
	const n = options.ideas;
	const spanMs = options.years * 365.25 * DAY_MS;
	const startMs = options.nowMs - spanMs;
	const authorSampler = new WeightedSampler(org.personSubmitWeight);
	const plan = {
		count: n,
		ids: new UuidList(n, new Random(seed, 11)),
		author: new Uint32Array(n),
		team: new Uint32Array(n),
		benefit: new Uint8Array(n),
		status: new Uint8Array(n),
		submittedAt: new Float64Array(n),
		dueAt: new Float64Array(n),
		decidedAt: new Float64Array(n).fill(NaN),
		finishedAt: new Float64Array(n).fill(NaN),
		infoAskedAt: new Float64Array(n).fill(NaN),
		infoAnsweredAt: new Float64Array(n).fill(NaN),
		decider: new Int32Array(n).fill(-1),
		owner: new Int32Array(n).fill(-1),
		targetAt: new Float64Array(n).fill(NaN),
		savings: new Float64Array(n).fill(NaN),
		voteCount: new Uint32Array(n),
		commentCount: new Uint32Array(n)
	};
	const benefitSampler = new WeightedSampler(BENEFIT_WEIGHTS);
	const children: number[][] = Array.from({ length: org.teamCount }, () => []);
	for (let team = 1; team < org.teamCount; team++) children[org.teamParent[team]].push(team);

	for (let i = 0; i < n; i++) {
		// Submissions grow threefold over the span (a programme taking off), mostly on working days
		// and working hours. Stratified, so the ideas come out (nearly) in time order.
		const u = (i + random.next()) / n;
		const x = (-1 + Math.sqrt(1 + 8 * u)) / 2;
		const day = clock.localDayStart(startMs + x * spanMs);
		const weekday = day.weekday;
		let dayStart = day.startMs;
		if ((weekday === 0 || weekday === 6) && random.chance(0.75)) {
			// Most weekend ideas belong to a working day of that week.
			dayStart -= (weekday === 6 ? 1 : 2) * DAY_MS + random.int(5) * DAY_MS;
		}
		let submitted = dayStart + 6 * HOUR_MS + random.next() * 14 * HOUR_MS;
		if (submitted >= options.nowMs) submitted = options.nowMs - random.next() * HOUR_MS;
		if (submitted < startMs) submitted = startMs + random.next() * HOUR_MS;

		const author = authorSampler.sample(random);
		const homeTeam = org.personHomeTeam[author];
		// Now and then an idea is for a neighbouring team of the same department or site.
		let team = homeTeam;
		if (random.chance(0.06) && org.teamParent[homeTeam] >= 0) {
			const siblings = children[org.teamParent[homeTeam]];
			team = siblings[random.int(siblings.length)];
		}
		plan.author[i] = author;
		plan.team[i] = team;
		plan.submittedAt[i] = submitted;
		plan.dueAt[i] = clock.dueAt(submitted, options.deadlineDays);
		const benefit = benefitSampler.sample(random);
		plan.benefit[i] = benefit;
		decideLifecycle(plan, i, org, options, random, team, author, benefit);
	}

	spreadCounts(plan, options, org, random);
	return {
		...plan,
		votesUntil(index) {
			const decided = plan.decidedAt[index];
			return Number.isNaN(decided) ? options.nowMs : decided;
		},
		updatedAt(index) {
			let latest = plan.submittedAt[index];
			for (const at of [
				plan.infoAskedAt[index],
				plan.infoAnsweredAt[index],
				plan.decidedAt[index],
				plan.finishedAt[index]
			]) {
				if (at > latest) latest = at;
			}
			return latest;
		}
	};
}

type MutablePlan = Omit<IdeaPlan, 'votesUntil' | 'updatedAt'>;

function decideLifecycle(
	plan: MutablePlan,
	i: number,
	org: Organisation,
	options: IdeaPlanOptions,
	random: Random,
	team: number,
	author: number,
	benefit: number
): void {
	const now = options.nowMs;
	const submitted = plan.submittedAt[i];
	const due = plan.dueAt[i];
	const deciders = decidersFor(org, team, author);
	if (deciders.length === 0) return; // nobody can decide it: it waits
	const decider = deciders[random.int(deciders.length)];
	plan.decider[i] = decider;

	// On time with the team's rate, mostly early in the window; otherwise days or weeks late, and a
	// few recent ones are still waiting long past their deadline (the overdue backlog).
	const deadlineMs = due - submitted;
	let decided: number;
	if (random.chance(org.teamOnTimeRate[team])) {
		decided = submitted + Math.max(HOUR_MS, deadlineMs * Math.pow(random.next(), 1.6));
	} else {
		decided = due + HOUR_MS + random.exponential(8 * DAY_MS);
		if (now - submitted < 60 * DAY_MS && random.chance(0.1)) decided = Infinity;
	}
	const hasInfoRound = random.chance(0.06);
	if (decided > now) {
		// Still open: some wait for the author's answer to a question.
		if (hasInfoRound && now - submitted > 6 * HOUR_MS) {
			plan.status[i] = NEEDS_INFO;
			plan.infoAskedAt[i] = submitted + (now - submitted) * (0.3 + 0.5 * random.next());
		} else {
			plan.status[i] = AWAITING;
			plan.decider[i] = -1;
		}
		return;
	}
	if (hasInfoRound) {
		plan.infoAskedAt[i] = submitted + (decided - submitted) * 0.3;
		plan.infoAnsweredAt[i] = submitted + (decided - submitted) * 0.6;
	}
	plan.decidedAt[i] = decided;
	if (!random.chance(org.teamAcceptRate[team])) {
		plan.status[i] = REJECTED;
		return;
	}

	plan.status[i] = ACCEPTED;
	const owners = org.sitePeople.get(org.teamSite[team])!;
	plan.owner[i] = random.chance(0.6)
		? author
		: random.chance(0.5)
			? decider
			: owners[random.int(owners.length)];
	plan.targetAt[i] = decided + random.between(14, 60) * DAY_MS;
	const fate = random.next();
	if (fate < 0.9) {
		const implemented = decided + DAY_MS + random.exponential(21 * DAY_MS);
		if (implemented > now) return;
		plan.status[i] = IMPLEMENTED;
		plan.finishedAt[i] = implemented;
		if (random.chance(SAVINGS_SHARE[benefit])) {
			plan.savings[i] = Math.min(250_000, Math.round(random.logNormal(600, 1.3) * 100) / 100);
		}
	} else if (fate < 0.94) {
		const dropped = decided + random.between(5, 60) * DAY_MS;
		if (dropped > now) return;
		plan.status[i] = DROPPED;
		plan.finishedAt[i] = dropped;
	}
	// The rest stay accepted: waiting to be implemented, some stalled for good.
}

/**
 * Spreads the requested total of votes over the ideas with a Pareto (Zipf-like) tail — most ideas
 * get a handful, a few get thousands — fewer for ideas open only briefly; comments follow votes.
 * Totals come out exact.
 */
function spreadCounts(
	plan: MutablePlan,
	options: IdeaPlanOptions,
	org: Organisation,
	random: Random
): void {
	const n = plan.count;
	const voteCap = Math.min(MAX_VOTES_PER_IDEA, org.personCount - 1);
	const weights = new Float64Array(n);
	let total = 0;
	for (let i = 0; i < n; i++) {
		const end = Number.isNaN(plan.decidedAt[i]) ? options.nowMs : plan.decidedAt[i];
		const openDays = (end - plan.submittedAt[i]) / DAY_MS;
		weights[i] = random.pareto(1.5) * Math.min(1, 0.2 + openDays / 3);
		total += weights[i];
	}
	fillExactly(plan.voteCount, weights, total, options.votes, voteCap, random, '--votes');

	total = 0;
	for (let i = 0; i < n; i++) {
		weights[i] = plan.voteCount[i] + 1;
		total += weights[i];
	}
	fillExactly(
		plan.commentCount,
		weights,
		total,
		options.comments,
		MAX_COMMENTS_PER_IDEA,
		random,
		'--comments'
	);
}

function fillExactly(
	counts: Uint32Array,
	weights: Float64Array,
	weightTotal: number,
	target: number,
	cap: number,
	random: Random,
	flag: string
): void {
	const n = counts.length;
	if (target > n * cap) {
		throw new Error(`${flag} ${target} is more than ${n} ideas can hold (${cap} each at most).`);
	}
	if (n === 0) return;
	let sum = 0;
	for (let i = 0; i < n; i++) {
		counts[i] = Math.min(cap, random.roundStochastic((weights[i] * target) / weightTotal));
		sum += counts[i];
	}
	// Capping and rounding leave a small difference: settle it on random ideas.
	while (sum !== target) {
		const i = random.int(n);
		if (sum < target && counts[i] < cap) {
			counts[i]++;
			sum++;
		} else if (sum > target && counts[i] > 0) {
			counts[i]--;
			sum--;
		}
	}
}
