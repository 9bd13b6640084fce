import { asc, eq, inArray, sql } from 'drizzle-orm';
import {
	APPROVER_LEVEL_LABELS,
	bandFor,
	checkBands,
	DEFAULT_BANDS,
	describeBand,
	sortBands,
	type ApprovalBand,
	type ApproverLevel
} from '../../domain/approval';
import { formatMoney } from '../../domain/dates';
import { reject, succeed, type Outcome } from '../../domain/outcome';
import { UNDECIDED_STATUSES } from '../../domain/status';
import { db, type DatabaseOrTransaction } from '../db';
import { approvalBands, ideaEvents, ideas, people, type Idea } from '../db/schema';
import { notify } from '../notify/notify';
import { routeForgotten } from './stored-routes';
import { loadHierarchy, routeIdea, type TeamHierarchy } from './routing';

/** The organisation's approval bands, cheapest first; the default (own manager) until set. */
export async function listApprovalBands(tx: DatabaseOrTransaction = db): Promise<ApprovalBand[]> {
	const rows = await tx
		.select({ maxCost: approvalBands.maxCost, approverLevel: approvalBands.approverLevel })
		.from(approvalBands)
		.orderBy(asc(approvalBands.maxCost));
	return sortBands(rows.length > 0 ? rows : DEFAULT_BANDS);
}

/** The approver level for an estimated cost under the organisation's bands. */
export async function approverLevelFor(
	tx: DatabaseOrTransaction,
	estimatedCost: number | null
): Promise<ApproverLevel> {
	return bandFor(await listApprovalBands(tx), estimatedCost).approverLevel;
}

export interface ApprovalRoute {
	bandLabel: string;
	approverLabel: string;
	approverNames: string[];
}

/** What an idea shows about its approval: "Cost up to 5,000 · the manager one level up: Kenji Sato". */
export async function describeApprovalRoute(
	tx: DatabaseOrTransaction,
	idea: Pick<Idea, 'teamId' | 'authorId' | 'approverLevel' | 'estimatedCost'>,
	hierarchy: TeamHierarchy
): Promise<ApprovalRoute> {
	const bands = await listApprovalBands(tx);
	const { deciders } = routeIdea(hierarchy, idea);
	return {
		bandLabel: describeBand(bands, bandFor(bands, idea.estimatedCost)),
		approverLabel: APPROVER_LEVEL_LABELS[idea.approverLevel],
		approverNames: await personNames(tx, deciders)
	};
}

/** Display names of people, sorted. */
export async function personNames(tx: DatabaseOrTransaction, ids: string[]): Promise<string[]> {
	if (ids.length === 0) return [];
	const rows = await tx
		.select({ name: people.displayName })
		.from(people)
		.where(inArray(people.id, ids));
	return rows.map((row) => row.name).sort();
}

/**
 * Moves an idea to the approver its estimate, as it is now, and the bands call for, in the caller's
 * transaction: the change is audited and the new approvers are told. Returns whether it moved.
 */
export async function rerouteIdea(
	tx: DatabaseOrTransaction,
	idea: Pick<
		Idea,
		'id' | 'title' | 'status' | 'teamId' | 'authorId' | 'approverLevel' | 'estimatedCost'
	>,
	change: { actorId: string; cause: string },
	now: Date,
	known: { bands?: ApprovalBand[]; hierarchy?: TeamHierarchy } = {}
): Promise<boolean> {
	const bands = known.bands ?? (await listApprovalBands(tx));
	const band = bandFor(bands, idea.estimatedCost);
	if (band.approverLevel === idea.approverLevel) return false;
	await tx
		.update(ideas)
		.set({ approverLevel: band.approverLevel, ...routeForgotten })
		.where(eq(ideas.id, idea.id));
	const hierarchy = known.hierarchy ?? (await loadHierarchy(tx));
	const before = routeIdea(hierarchy, idea);
	const route = routeIdea(hierarchy, { ...idea, approverLevel: band.approverLevel });
	// In a shallow hierarchy another band can mean the same people: nothing moves, nobody is told.
	if (before.deciders.join() === route.deciders.join()) return false;
	const names = await personNames(tx, route.deciders);
	await tx.insert(ideaEvents).values({
		ideaId: idea.id,
		actorId: change.actorId,
		at: now,
		fromStatus: idea.status,
		toStatus: idea.status,
		note:
			`Re-routed: ${change.cause} (estimated cost ${formatMoney(idea.estimatedCost, 0)}, ` +
			`${describeBand(bands, band).toLowerCase()}). Now decided by ` +
			`${APPROVER_LEVEL_LABELS[band.approverLevel]}${names.length > 0 ? `: ${names.join(', ')}` : ''}.`
	});
	await notify(
		tx,
		{
			recipientIds: route.deciders,
			ideaId: idea.id,
			kind: 'idea_rerouted',
			title: `Now yours to decide: ${idea.title}`,
			body: `Its estimated cost puts it in your approval band (${describeBand(bands, band).toLowerCase()}).`,
			link: `/ideas/${idea.id}`
		},
		now
	);
	return true;
}

/**
 * Replaces the organisation's approval bands. Ideas still waiting for a decision follow the new
 * bands at once, each re-routing audited; decided ideas keep the route they were decided on.
 */
export async function saveApprovalBands(
	bands: ApprovalBand[],
	actorId: string,
	now = new Date()
): Promise<Outcome<{ rerouted: number }>> {
	const problem = checkBands(bands);
	if (problem) return reject({ bands: problem });
	return db.transaction(async (tx) => {
		// Two administrators saving at once take turns instead of colliding.
		await tx.execute(sql`lock table ${approvalBands} in exclusive mode`);
		await tx.delete(approvalBands);
		await tx.insert(approvalBands).values(sortBands(bands));
		const waiting = await tx
			.select()
			.from(ideas)
			.where(inArray(ideas.status, UNDECIDED_STATUSES))
			.orderBy(asc(ideas.id))
			.for('update');
		const known = { bands: sortBands(bands), hierarchy: await loadHierarchy(tx) };
		let rerouted = 0;
		for (const idea of waiting) {
			const moved = await rerouteIdea(
				tx,
				idea,
				{ actorId, cause: 'the approval bands changed' },
				now,
				known
			);
			if (moved) rerouted++;
		}
		return succeed({ rerouted });
	});
}
