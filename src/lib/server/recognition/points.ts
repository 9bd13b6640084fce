import { and, desc, eq, sql } from 'drizzle-orm';
import {
	POINTS_FOR_ACCEPTANCE,
	POINTS_FOR_SUBMITTING,
	pointsForImplementation,
	type PointReason
} from '../../domain/recognition';
import { db, type DatabaseOrTransaction } from '../db';
import { ideas, pointEntries } from '../db/schema';

/**
 * Credits an idea's author with the points its step earns, in the transaction of that step.
 * Each idea earns each kind once: a retried step adds nothing.
 */
export async function awardPoints(
	tx: DatabaseOrTransaction,
	idea: { id: string; authorId: string },
	reason: Exclude<PointReason, 'correction'>,
	options: { realisedSavings?: number | null; now?: Date } = {}
): Promise<void> {
	const points = {
		submitted: POINTS_FOR_SUBMITTING,
		accepted: POINTS_FOR_ACCEPTANCE,
		implemented: pointsForImplementation(options.realisedSavings ?? null)
	}[reason];
	await tx
		.insert(pointEntries)
		.values({
			personId: idea.authorId,
			ideaId: idea.id,
			reason,
			points,
			createdAt: options.now ?? new Date()
		})
		.onConflictDoNothing();
}

/**
 * Takes back the points an idea's step earned (a vetoed acceptance) with a correction entry: the
 * ledger is never edited. Only what was actually awarded is taken back.
 */
export async function reversePoints(
	tx: DatabaseOrTransaction,
	idea: { id: string; authorId: string },
	reason: Exclude<PointReason, 'correction'>,
	note: string,
	now = new Date()
): Promise<void> {
	const [awarded] = await tx
		.select({ points: pointEntries.points })
		.from(pointEntries)
		.where(and(eq(pointEntries.ideaId, idea.id), eq(pointEntries.reason, reason)));
	if (!awarded) return;
	await tx.insert(pointEntries).values({
		personId: idea.authorId,
		ideaId: idea.id,
		reason: 'correction',
		points: -awarded.points,
		note,
		createdAt: now
	});
}

export interface PointsSummary {
	total: number;
	entries: {
		id: number;
		reason: PointReason;
		points: number;
		ideaId: string | null;
		ideaTitle: string | null;
		note: string | null;
		createdAt: Date;
	}[];
}

/** A person's points: the sum of their ledger, and its most recent entries. */
export async function getPointsSummary(personId: string, limit = 50): Promise<PointsSummary> {
	const [total] = await db
		.select({ total: sql<number>`coalesce(sum(${pointEntries.points}), 0)::int` })
		.from(pointEntries)
		.where(eq(pointEntries.personId, personId));
	const entries = await db
		.select({
			id: pointEntries.id,
			reason: pointEntries.reason,
			points: pointEntries.points,
			ideaId: pointEntries.ideaId,
			ideaTitle: ideas.title,
			note: pointEntries.note,
			createdAt: pointEntries.createdAt
		})
		.from(pointEntries)
		.leftJoin(ideas, eq(ideas.id, pointEntries.ideaId))
		.where(eq(pointEntries.personId, personId))
		.orderBy(desc(pointEntries.id))
		.limit(limit);
	return { total: total.total, entries };
}
